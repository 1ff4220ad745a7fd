/** Single sign-on on the sign-in page. */
export const ssoNl = {
  'sso.button': 'Aanmelden via je organisatie',
  'sso.buttonNamed': 'Aanmelden via {label}',
  'sso.or': 'of met je e-mailadres en wachtwoord',
  'sso.passwordOff': 'Op deze Stadskamer meld je je aan via je organisatie.',
  'sso.error.sso_failed': 'Aanmelden via je organisatie is mislukt. Probeer het opnieuw.',
  'sso.error.sso_unavailable': 'De aanmelddienst van je organisatie antwoordt nu niet. Probeer het later opnieuw.',
  'sso.error.sso_email_unverified': 'Je organisatie bevestigde geen e-mailadres voor je account. Vraag je IT-dienst om hulp.',
  'sso.error.sso_expired': 'Het aanmelden duurde te lang of werd in een ander venster gestart. Probeer het opnieuw.',
};
