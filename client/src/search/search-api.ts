import { request } from '../api/http';
import type { SearchAnswer } from '../../../shared/search';

export interface SearchParams {
  q: string;
  workspace?: string;
  kind?: string;
  status?: string;
}

export function searchAll(params: SearchParams): Promise<SearchAnswer> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return request<SearchAnswer>('GET', `/api/search?${query.toString()}`);
}
