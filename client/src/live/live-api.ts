import { request } from '../api/http';
import type { DomainEvent } from '../../../shared/events';

export interface OnlineEntry {
  user: { id: string; name: string; organization: string };
  documentId: string;
  since: string;
}

const base = (wid: string) => `/api/workspaces/${encodeURIComponent(wid)}`;

/** The live feature's REST routes (CONTRACT §2): the activity history and who is online. */
export const liveApi = {
  activity: (wid: string, opts: { limit?: number; before?: string; types?: readonly string[] } = {}) => {
    const q = new URLSearchParams();
    if (opts.limit) q.set('limit', String(opts.limit));
    if (opts.before) q.set('before', opts.before);
    if (opts.types && opts.types.length > 0) q.set('types', opts.types.join(','));
    const qs = q.toString();
    return request<{ events: DomainEvent[] }>('GET', `${base(wid)}/activity${qs ? `?${qs}` : ''}`);
  },
  presence: (wid: string) => request<{ online: OnlineEntry[] }>('GET', `${base(wid)}/presence`),
};
