import { request } from './http';
import type { GuestStatus, JoinAnswer, JoinBody, JoinPreview, JoinSession, StartSessionBody } from '../../../shared/join';

const doc = (did: string) => `/api/documents/${encodeURIComponent(did)}/join-session`;
const code = (c: string) => `/api/join/${encodeURIComponent(c)}`;

/** Workshop sessions and joining by code (shared/join.ts). */
export const joinApi = {
  session: (did: string) => request<{ session: JoinSession | null }>('GET', doc(did)),
  start: (did: string, body: StartSessionBody = {}) => request<{ session: JoinSession }>('POST', doc(did), body),
  end: (did: string) => request<void>('DELETE', doc(did)),
  preview: (c: string) => request<JoinPreview>('GET', code(c)),
  join: (c: string, body: JoinBody) => request<JoinAnswer>('POST', code(c), body),
  guestStatus: () => request<GuestStatus>('GET', '/api/me/guest'),
  upgrade: (body: { email: string; password: string }) => request<{ user: JoinAnswer['user'] }>('POST', '/api/me/guest/upgrade', body),
};
