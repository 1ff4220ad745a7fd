import { request } from '../api/http';
import type { User } from '../../../shared/api';
import type { SessionEntry, UpdateProfileBody } from '../../../shared/accounts';

/** The signed-in person's own account, and the password reset for those who cannot sign in. */
export const accountsApi = {
  requestReset: (email: string) => request<{ status: string }>('POST', '/api/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => request<void>('POST', '/api/auth/password-reset/confirm', { token, password }),
  updateProfile: (body: UpdateProfileBody) => request<{ user: User }>('PATCH', '/api/me', body),
  sessions: () => request<{ sessions: SessionEntry[] }>('GET', '/api/me/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
  deleteAccount: (password: string) => request<void>('DELETE', '/api/me', { password }),
};
