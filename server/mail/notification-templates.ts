import type { NotificationKind } from '../../shared/comments';
import { pluralForm, type Plural } from '../../shared/plural';
import type { OutgoingMail } from './mailer';
import type { MailLanguage } from './templates';

export interface MailItem {
  kind: NotificationKind;
  actor: string;
  document: string;
  excerpt: string;
  url: string;
}

const LINES: Record<MailLanguage, Record<NotificationKind, (i: MailItem) => string>> = {
  nl: {
    mention: (i) => `${i.actor} vermeldde je in "${i.document}"`,
    reply: (i) => `${i.actor} antwoordde in een gesprek bij "${i.document}"`,
    resolve: (i) => `${i.actor} sloot een gesprek af bij "${i.document}"`,
    suggestion_accepted: (i) => `${i.actor} aanvaardde je voorstel in "${i.document}"`,
    suggestion_rejected: (i) => `${i.actor} verwierp je voorstel in "${i.document}"`,
  },
  en: {
    mention: (i) => `${i.actor} mentioned you in "${i.document}"`,
    reply: (i) => `${i.actor} replied in a conversation on "${i.document}"`,
    resolve: (i) => `${i.actor} resolved a conversation on "${i.document}"`,
    suggestion_accepted: (i) => `${i.actor} accepted your suggestion in "${i.document}"`,
    suggestion_rejected: (i) => `${i.actor} rejected your suggestion in "${i.document}"`,
  },
};

const FOOTER: Record<MailLanguage, (url: string) => string> = {
  nl: (url) => `Geen meldingen meer per mail? Eén klik volstaat:\n${url}\n(Instellen kan ook op je profielpagina.)`,
  en: (url) => `No more notification mail? One click is enough:\n${url}\n(You can also choose on your profile page.)`,
};

function describe(item: MailItem, lang: MailLanguage): string {
  return `${LINES[lang][item.kind](item)}:\n"${item.excerpt}"\n${item.url}`;
}

/** One-click unsubscribe (RFC 8058): mail programs show their own button for it. */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function notificationMail(to: string, lang: MailLanguage, item: MailItem, unsubscribeUrl: string): OutgoingMail {
  return {
    to,
    subject: LINES[lang][item.kind](item),
    text: `${describe(item, lang)}\n\n—\n${FOOTER[lang](unsubscribeUrl)}`,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}

const DIGEST_SUBJECT: Record<MailLanguage, Plural> = {
  nl: { one: 'Stadskamer: {count} nieuwe melding', other: 'Stadskamer: {count} nieuwe meldingen' },
  en: { one: 'Stadskamer: {count} new notification', other: 'Stadskamer: {count} new notifications' },
};

export function digestMail(to: string, lang: MailLanguage, items: MailItem[], unsubscribeUrl: string): OutgoingMail {
  const subject = pluralForm(DIGEST_SUBJECT[lang], lang, items.length).replace('{count}', String(items.length));
  const intro = lang === 'en' ? 'What happened since your last digest:' : 'Wat er gebeurde sinds je vorige overzicht:';
  return {
    to,
    subject,
    text: `${intro}\n\n${items.map((i) => describe(i, lang)).join('\n\n')}\n\n—\n${FOOTER[lang](unsubscribeUrl)}`,
    headers: unsubscribeHeaders(unsubscribeUrl),
  };
}
