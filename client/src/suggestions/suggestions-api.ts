import type { CreateSuggestionBody, DecideSuggestionsAnswer, Suggestion, SuggestionsAnswer } from '../../../shared/suggestions';
import { request } from '../api/http';

const enc = encodeURIComponent;
type One = { suggestion: Suggestion };

/** The suggestion routes (issue #14), one function each. */
export const suggestionsApi = {
  /** The document's pending suggestions. */
  list: (did: string) => request<SuggestionsAnswer>('GET', `/api/documents/${enc(did)}/suggestions`),
  create: (did: string, body: CreateSuggestionBody) => request<One>('POST', `/api/documents/${enc(did)}/suggestions`, body).then((a) => a.suggestion),
  /** The author's draft grew (or shrank) while they typed. */
  update: (sid: string, body: CreateSuggestionBody) => request<One>('PATCH', `/api/suggestions/${enc(sid)}`, body).then((a) => a.suggestion),
  withdraw: (sid: string) => request<One>('DELETE', `/api/suggestions/${enc(sid)}`).then((a) => a.suggestion),
  accept: (sid: string) => request<One>('POST', `/api/suggestions/${enc(sid)}/accept`).then((a) => a.suggestion),
  reject: (sid: string) => request<One>('POST', `/api/suggestions/${enc(sid)}/reject`).then((a) => a.suggestion),
  /** Every pending suggestion of the document, or only `authorId`'s. */
  acceptAll: (did: string, authorId?: string) =>
    request<DecideSuggestionsAnswer>('POST', `/api/documents/${enc(did)}/suggestions/accept`, authorId ? { authorId } : {}),
  rejectAll: (did: string, authorId?: string) =>
    request<DecideSuggestionsAnswer>('POST', `/api/documents/${enc(did)}/suggestions/reject`, authorId ? { authorId } : {}),
};
