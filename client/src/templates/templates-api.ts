import { request } from '../api/http';
import type { TemplateSummary } from '../../../shared/templates';

export const templatesApi = {
  list: (wid: string) => request<{ templates: TemplateSummary[] }>('GET', `/api/workspaces/${encodeURIComponent(wid)}/templates`),
  save: (did: string, name: string) => request<{ template: TemplateSummary }>('POST', `/api/documents/${encodeURIComponent(did)}/template`, { name }),
  remove: (id: string) => request<void>('DELETE', `/api/templates/${encodeURIComponent(id)}`),
};
