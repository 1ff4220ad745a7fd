import { ROLES as ALL_ROLES } from '../../../shared/roles';
import type { DomainEvent } from '../../../shared/events';
import type { Translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/nl';

/** What the panel knows to name things: document titles and member names by id. */
export interface Names {
  documentTitle(id: string): string | undefined;
  memberName(id: string): string | undefined;
}

const STATUSES = new Set(['draft', 'review', 'final']);
const ROLES = new Set<string>(ALL_ROLES);

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The document an event is about: the subject for document.*, data.documentId for comments and presence. */
export function eventDocumentId(e: DomainEvent): string | undefined {
  if (e.type.startsWith('document.') || e.type === 'presence.changed') return e.subject;
  return text(e.data.documentId);
}

/** One event as a sentence a person reads ("Anna Peeters maakte Aanbevelingen netwerkbestuur"). */
export function describeEvent(e: DomainEvent, t: Translate, names: Names): string {
  const docId = eventDocumentId(e);
  const title = (docId && names.documentTitle(docId)) || t('live.aDocument');
  const memberId = e.type === 'comment.mentioned' ? text(e.data.mentionedUserId) : e.subject;
  const member = (memberId && names.memberName(memberId)) || t('live.someone');
  const to = text(e.data.to) ?? text(e.data.role);
  const values = {
    actor: e.actor.name,
    title,
    member,
    status: to && STATUSES.has(to) ? t(`status.${to}` as MessageKey) : (to ?? ''),
    role: to && ROLES.has(to) ? t(`role.${to}` as MessageKey) : (to ?? ''),
  };
  const fields = Array.isArray(e.data.fields) ? e.data.fields : [];
  if (e.type === 'document.updated' && fields.includes('title') && !fields.includes('content'))
    return t('live.event.document.renamed', values);
  if (e.type === 'comment.resolved' && e.data.resolved === false) return t('live.event.comment.reopened', values);
  return t(`live.event.${e.type}`, values);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minuten geleden" / "3 minutes ago", in the user's locale. */
export function relativeTime(iso: string, now: number, locale: string): string {
  // Server and browser clocks differ a little: a moment "in the future" is just now.
  const seconds = Math.min(0, Math.round((new Date(iso).getTime() - now) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}
