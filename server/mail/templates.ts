import type { Role } from '../../shared/roles';
import type { OutgoingMail } from './mailer';

export type MailLanguage = 'nl' | 'en';

const ROLE_LABELS: Record<MailLanguage, Record<Role, string>> = {
  nl: { owner: 'eigenaar', editor: 'bewerker', participant: 'deelnemer', commenter: 'kan reageren', viewer: 'lezer' },
  en: { owner: 'owner', editor: 'editor', participant: 'participant', commenter: 'commenter', viewer: 'viewer' },
};

const SIGNATURE: Record<MailLanguage, string> = {
  nl: '—\nStadskamer, Kenniscentrum Vlaamse Steden',
  en: '—\nStadskamer, Kenniscentrum Vlaamse Steden',
};

function dateText(ms: number, lang: MailLanguage): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(ms);
}

export function inviteMail(input: {
  to: string;
  lang: MailLanguage;
  inviter: string;
  workspace: string;
  role: Role;
  url: string;
  expiresAt: number;
}): OutgoingMail {
  const role = ROLE_LABELS[input.lang][input.role];
  const until = dateText(input.expiresAt, input.lang);
  if (input.lang === 'en') {
    return {
      to: input.to,
      subject: `${input.inviter} invites you to "${input.workspace}" on Stadskamer`,
      text: `${input.inviter} invites you to the workspace "${input.workspace}" as ${role}.\n\nJoin here (the link works once, until ${until}):\n${input.url}\n\nNot expecting this? Then ignore this mail.\n\n${SIGNATURE.en}`,
    };
  }
  return {
    to: input.to,
    subject: `${input.inviter} nodigt je uit voor "${input.workspace}" op Stadskamer`,
    text: `${input.inviter} nodigt je uit voor de werkruimte "${input.workspace}" als ${role}.\n\nDeelnemen kan hier (de link werkt één keer, tot ${until}):\n${input.url}\n\nVerwachtte je dit niet? Dan mag je deze mail negeren.\n\n${SIGNATURE.nl}`,
  };
}

export function passwordResetMail(input: { to: string; lang: MailLanguage; url: string }): OutgoingMail {
  if (input.lang === 'en') {
    return {
      to: input.to,
      subject: 'Choose a new Stadskamer password',
      text: `Someone (hopefully you) asked to reset the password of this Stadskamer account.\n\nChoose a new password here within the hour (the link works once):\n${input.url}\n\nAfterwards every device is signed out. Didn't ask for this? Ignore this mail; your password stays the same.\n\n${SIGNATURE.en}`,
    };
  }
  return {
    to: input.to,
    subject: 'Kies een nieuw wachtwoord voor Stadskamer',
    text: `Iemand (hopelijk jij) vroeg om het wachtwoord van deze Stadskamer-account opnieuw in te stellen.\n\nKies hier binnen het uur een nieuw wachtwoord (de link werkt één keer):\n${input.url}\n\nDaarna ben je op elk toestel afgemeld. Vroeg je dit niet? Negeer deze mail; je wachtwoord blijft hetzelfde.\n\n${SIGNATURE.nl}`,
  };
}
