import { allPages } from '../../../shared/pagination';
import type { VersionDiff, VersionMeta } from '../../../shared/versions';
import { pagePath, request } from '../api/http';

const enc = encodeURIComponent;

/** The version routes of CONTRACT §2 "Versions", one function each. */
export const versionsApi = {
  /** Every version of a document, newest first. */
  list: (did: string) =>
    allPages((cursor) =>
      request<{ versions: VersionMeta[]; nextCursor: string | null }>('GET', pagePath(`/api/documents/${enc(did)}/versions`, cursor)).then((a) => ({
        items: a.versions,
        nextCursor: a.nextCursor,
      })),
    ),
  save: (did: string, name: string) => request<{ version: VersionMeta }>('POST', `/api/documents/${enc(did)}/versions`, { name }),
  /** The version against the present (or another version): from the older end to the newer. */
  diff: (vid: string, against = 'current') => request<VersionDiff>('GET', `/api/versions/${enc(vid)}/diff?against=${enc(against)}`),
  /** Where an old version downloads as a file (GET /api/versions/:vid/export). */
  exportUrl: (vid: string, format: string) => `/api/versions/${enc(vid)}/export?format=${enc(format)}`,
  restore: (vid: string) => request<{ version: VersionMeta; before: VersionMeta | null }>('POST', `/api/versions/${enc(vid)}/restore`),
};
