import type { ssoNl } from './sso.nl';

export const ssoEn: Record<keyof typeof ssoNl, string> = {
  'sso.button': 'Sign in through your organisation',
  'sso.buttonNamed': 'Sign in through {label}',
  'sso.or': 'or with your e-mail address and password',
  'sso.passwordOff': 'On this Stadskamer you sign in through your organisation.',
  'sso.error.sso_failed': 'Signing in through your organisation failed. Please try again.',
  'sso.error.sso_unavailable': "Your organisation's sign-in service does not answer right now. Please try again later.",
  'sso.error.sso_email_unverified': 'Your organisation confirmed no e-mail address for your account. Ask your IT department for help.',
  'sso.error.sso_expired': 'Signing in took too long or was started in another window. Please try again.',
};
