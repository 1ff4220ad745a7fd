import { allPages } from '../../../shared/pagination';
import { pagePath, request } from './http';
import type {
  AcceptInviteAnswer,
  AuthAnswer,
  DocumentKind,
  DocumentMeta,
  DocumentStatus,
  User,
  Workspace,
  WorkspaceDetailAnswer,
} from '../../../shared/api';

/** The REST routes of CONTRACT §2 that the web client uses, one function each. */
export const api = {
  register: (body: { email: string; password: string; name: string; organization: string }) =>
    request<AuthAnswer>('POST', '/api/auth/register', body),
  login: (body: { email: string; password: string }) => request<AuthAnswer>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ user: User }>('GET', '/api/me'),

  listWorkspaces: async () => ({
    workspaces: await allPages((cursor) =>
      request<{ workspaces: Workspace[]; nextCursor: string | null }>('GET', pagePath('/api/workspaces', cursor)).then((a) => ({
        items: a.workspaces,
        nextCursor: a.nextCursor,
      })),
    ),
  }),
  createWorkspace: (body: { name: string; description?: string }) =>
    request<{ workspace: Workspace }>('POST', '/api/workspaces', body),
  /** The workspace with every member (the answer pages through its members). */
  getWorkspace: async (wid: string): Promise<WorkspaceDetailAnswer> => {
    let workspace: Workspace | undefined;
    const members = await allPages((cursor) =>
      request<WorkspaceDetailAnswer>('GET', pagePath(`/api/workspaces/${encodeURIComponent(wid)}`, cursor)).then((a) => {
        workspace = a.workspace;
        return { items: a.members, nextCursor: a.nextCursor };
      }),
    );
    return { workspace: workspace!, members, nextCursor: null };
  },
  acceptInvite: (token: string) => request<AcceptInviteAnswer>('POST', `/api/invites/${encodeURIComponent(token)}/accept`),

  /** Every document of the workspace, most recently changed first. */
  listDocuments: async (wid: string) => {
    const documents = await allPages((cursor) =>
      request<{ documents: DocumentMeta[]; nextCursor: string | null }>(
        'GET',
        pagePath(`/api/workspaces/${encodeURIComponent(wid)}/documents`, cursor),
      ).then((a) => ({ items: a.documents, nextCursor: a.nextCursor })),
    );
    documents.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { documents };
  },
  createDocument: (wid: string, body: { title: string; kind: DocumentKind; tags?: string[]; templateId?: string }) =>
    request<{ document: DocumentMeta }>('POST', `/api/workspaces/${encodeURIComponent(wid)}/documents`, body),
  getDocument: (did: string) => request<{ document: DocumentMeta }>('GET', `/api/documents/${encodeURIComponent(did)}`),
  updateDocument: (did: string, body: { title?: string; tags?: string[]; status?: DocumentStatus }) =>
    request<{ document: DocumentMeta }>('PATCH', `/api/documents/${encodeURIComponent(did)}`, body),
  /** A board's columns and cards as a new recommendation (editor+). */
  draftFromBoard: (did: string) => request<{ document: DocumentMeta }>('POST', `/api/documents/${encodeURIComponent(did)}/draft`),
};
