import type { MailLanguage } from '../mail/templates';

/** The language a person reads their mail in (Dutch unless they chose English). */
export function languageOf(user: { language?: string | null }): MailLanguage {
  return user.language === 'en' ? 'en' : 'nl';
}
