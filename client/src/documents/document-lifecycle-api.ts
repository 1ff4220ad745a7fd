import { request } from '../api/http';
import type { DocumentMeta } from '../../../shared/api';
import type { TrashEntry } from '../../../shared/lifecycle';

const d = (did: string) => `/api/documents/${encodeURIComponent(did)}`;
const w = (wid: string) => `/api/workspaces/${encodeURIComponent(wid)}`;

export const lifecycleApi = {
  trash: (did: string) => request<void>('DELETE', d(did)),
  restore: (did: string) => request<{ document: DocumentMeta }>('POST', `${d(did)}/restore`),
  archive: (did: string, archived: boolean) => request<{ document: DocumentMeta }>('POST', `${d(did)}/archive`, { archived }),
  duplicate: (did: string) => request<{ document: DocumentMeta }>('POST', `${d(did)}/duplicate`),
  move: (did: string, workspaceId: string) => request<{ document: DocumentMeta }>('POST', `${d(did)}/move`, { workspaceId }),
  listTrash: (wid: string) => request<{ documents: TrashEntry[] }>('GET', `${w(wid)}/trash`),
  listArchive: (wid: string) => request<{ documents: DocumentMeta[] }>('GET', `${w(wid)}/archive`),
};
