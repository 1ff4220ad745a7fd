import type { MessageKey } from '../i18n/nl';
import type { Translate } from '../i18n/translate';
import { ApiError } from './http';

const FIELD_KEYS: Record<string, MessageKey> = {
  email: 'field.email',
  password: 'field.password',
  name: 'field.name',
  organization: 'field.organization',
  title: 'field.title',
  tags: 'field.tags',
  description: 'field.description',
  role: 'field.role',
};

/**
 * A sentence for a person, in the interface language, for any failure. Known codes get
 * our own wording; anything else is described by its status, never by the raw body.
 */
export function describeError(err: unknown, t: Translate): string {
  if (!(err instanceof ApiError)) return t('error.generic');
  switch (err.code) {
    case 'network':
      return t('error.network');
    case 'invalid_credentials':
      return t('error.invalid_credentials');
    case 'email_taken':
      return t('error.email_taken');
    case 'invite_revoked':
    case 'invite_used':
    case 'last_owner':
    case 'wrong_password':
    case 'reset_invalid':
    case 'suggestion_outdated':
    case 'too_many_suggestions':
    case 'suggestion_decided':
    case 'anchor_mismatch':
      return t(`error.${err.code}`);
  }
  if (err.status === 410) return t('error.invite_expired');
  if (err.status === 422 || err.status === 400) {
    const key = err.field ? FIELD_KEYS[err.field.split('.')[0] ?? ''] : undefined;
    return key ? t('error.validation', { field: t(key) }) : t('error.generic');
  }
  if (err.status === 401) return t('error.unauthorized');
  if (err.status === 403) return t('error.forbidden');
  if (err.status === 404) return t('error.not_found');
  if (err.status === 409) return t('error.conflict');
  if (err.status === 413) return t('error.too_large');
  if (err.status === 429) return t('error.too_many_requests');
  if (err.status >= 500) return t('error.server');
  return t('error.generic');
}
