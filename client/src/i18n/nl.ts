import { liveNl } from './live.nl';
import { commentsNl } from './comments.nl';
import { documentsNl } from './documents.nl';
import { boardsNl } from './boards.nl';
import { membersNl } from './members.nl';
import { accountsNl } from './accounts.nl';
import { editorNl } from './editor.nl';
import { atelierNl } from './atelier.nl';
import { searchNl } from './search.nl';
import { peopleNl } from './people.nl';
import { lifecycleNl } from './lifecycle.nl';
import { templatesNl } from './templates.nl';
import { activityNl } from './activity.nl';
import { boardRulesNl } from './board-rules.nl';
import { ssoNl } from './sso.nl';
import { versionsNl } from './versions.nl';
import { suggestionsNl } from './suggestions.nl';
import type { Entry, PluralKeyOf } from './dictionary';

/**
 * Every string of the interface, in Dutch (Flemish usage). This is the source of truth
 * for the keys: the English dictionary must have exactly the same ones (checked by the type).
 * `{name}` marks a value filled in by `t(key, { name })`. A counted phrase is an entry
 * `{ one, other }`: `t(key, { count })` picks the form with Intl.PluralRules.
 */
const core = {
  'app.name': 'Stadskamer',
  'app.tagline': 'Samen schrijven aan aanbevelingen voor de Vlaamse steden.',
  'app.skipToContent': 'Naar de inhoud',
  'app.loading': 'Even geduld…',
  'app.notFound': 'Deze pagina bestaat niet.',
  'app.backHome': 'Naar je werkruimtes',

  'lang.toggle': 'English',
  'lang.toggleLabel': 'Switch to English',

  'nav.workspaces': 'Werkruimtes',
  'nav.signOut': 'Afmelden',
  'nav.signedInAs': 'Aangemeld als {name}',

  'auth.signIn': 'Aanmelden',
  'auth.signUp': 'Account maken',
  'auth.signInTitle': 'Aanmelden bij Stadskamer',
  'auth.signUpTitle': 'Een account maken',
  'auth.email': 'E-mailadres',
  'auth.password': 'Wachtwoord',
  'auth.passwordHint': 'Minstens 10 tekens.',
  'auth.name': 'Naam',
  'auth.organization': 'Organisatie',
  'auth.organizationHint': 'Bijvoorbeeld "Stad Gent" of "UGent": zo weten anderen voor wie je spreekt.',
  'auth.noAccount': 'Nog geen account?',
  'auth.haveAccount': 'Al een account?',
  'auth.inviteIntro': 'Je bent uitgenodigd voor een werkruimte. Maak eerst een account of meld je aan.',

  'workspaces.title': 'Je werkruimtes',
  'workspaces.empty': 'Je hebt nog geen werkruimte. Maak er hieronder een, of vraag een uitnodigingslink aan een collega.',
  'workspaces.create': 'Nieuwe werkruimte',
  'workspaces.name': 'Naam van de werkruimte',
  'workspaces.description': 'Beschrijving (niet verplicht)',
  'workspaces.createButton': 'Werkruimte maken',
  'workspaces.createdAt': 'Gemaakt op {date}',
  'workspaces.yourRole': 'Je rol: {role}',

  'workspace.documents': 'Documenten',
  'workspace.members': 'Leden',
  'workspace.filterLabel': 'Filter op tag',
  'workspace.filterAll': 'Alle tags',
  'workspace.filterNone': 'Er zijn nog geen tags in deze werkruimte.',
  'workspace.noMatch': 'Geen documenten met de tag "{tag}".',
  'workspace.membersEmpty': 'Nog niemand anders. Nodig mensen uit met een link.',
  'workspace.you': '(jij)',
  'workspace.readOnlyNotice': 'Je bent {role} in deze werkruimte: je kunt lezen, maar geen documenten maken.',

  'kind.recommendation': 'Aanbevelingen',
  'kind.note': 'Netwerknotities',
  'kind.board': 'Borden',
  'kind.recommendation.one': 'aanbeveling',
  'kind.note.one': 'netwerknotitie',
  'kind.board.one': 'bord',
  'kind.recommendation.empty': 'Nog geen aanbevelingen. Maak er een om het verslag van een atelier samen uit te schrijven.',
  'kind.note.empty': 'Nog geen netwerknotities. Noteer een goede praktijk of wie wat weet, zodat het netwerk blijft.',
  'kind.board.empty': 'Nog geen borden. Maak een bord per invalshoek van je atelier.',

  'doc.create': 'Nieuw: {kind}',
  'doc.title': 'Titel',
  'doc.tags': 'Tags',
  'doc.tagsHint': 'Steden en thema\'s, gescheiden door komma\'s (bv. Gent, burgerbegroting).',
  'doc.createButton': 'Maken',
  'doc.updatedAt': 'Bijgewerkt {date}',
  'doc.untitled': 'Zonder titel',
  'doc.back': 'Terug naar {workspace}',
  'doc.titleLabel': 'Titel van het document',
  'doc.statusLabel': 'Status',
  'doc.readOnly': 'Alleen lezen: je bent {role} in deze werkruimte.',
  'doc.present': 'Nu in dit document',
  'doc.editorLabel': 'Tekst van het document',
  'doc.saved': 'Opgeslagen',

  'status.draft': 'concept',
  'status.review': 'ter bespreking',
  'status.final': 'definitief',

  'role.owner': 'eigenaar',
  'role.editor': 'bewerker',
  'role.participant': 'deelnemer',
  'role.commenter': 'kan reageren',
  'role.viewer': 'lezer',

  'connection.connected': 'verbonden',
  'connection.connecting': 'opnieuw verbinden…',
  'connection.offline': 'offline — je wijzigingen worden bewaard',
  'connection.label': 'Verbinding',

  'toolbar.label': 'Opmaak',
  'toolbar.bold': 'Vet',
  'toolbar.italic': 'Cursief',
  'toolbar.strike': 'Doorhalen',
  'toolbar.code': 'Code',
  'toolbar.h1': 'Kop 1',
  'toolbar.h2': 'Kop 2',
  'toolbar.h3': 'Kop 3',
  'toolbar.bulletList': 'Opsomming',
  'toolbar.orderedList': 'Genummerde lijst',
  'toolbar.blockquote': 'Citaat',
  'toolbar.codeBlock': 'Codeblok',
  'toolbar.link': 'Link',
  'toolbar.linkPrompt': 'Adres van de link (leeg laten om de link te verwijderen)',
  'toolbar.undo': 'Ongedaan maken',
  'toolbar.redo': 'Opnieuw',

  'invite.open': 'Mensen uitnodigen',
  'invite.title': 'Uitnodigen met een link',
  'invite.role': 'Rol voor wie de link gebruikt',
  'invite.expires': 'Geldig gedurende',
  'invite.hours': { one: '{count} uur', other: '{count} uur' },
  'invite.days': { one: '{count} dag', other: '{count} dagen' },
  'invite.create': 'Link maken',
  'invite.linkLabel': 'Uitnodigingslink',
  'invite.copy': 'Kopiëren',
  'invite.copied': 'Gekopieerd',
  'invite.validUntil': 'Geldig tot {date}',
  'invite.close': 'Sluiten',
  'invite.acceptTitle': 'Uitnodiging',
  'invite.failed': 'Deze uitnodiging werkt niet.',

  'error.generic': 'Er ging iets mis. Probeer het opnieuw.',
  'error.network': 'Geen verbinding met de server. Controleer je netwerk en probeer opnieuw.',
  'error.invalid_credentials': 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
  'error.email_taken': 'Er bestaat al een account met dit e-mailadres. Meld je aan.',
  'error.too_many_requests': 'Te veel pogingen. Wacht even en probeer opnieuw.',
  'error.unauthorized': 'Je bent niet (meer) aangemeld.',
  'error.forbidden': 'Je hebt hiervoor niet de nodige rechten.',
  'error.not_found': 'Dit bestaat niet, of je hebt er geen toegang toe.',
  'error.invite_expired': 'Deze uitnodiging is verlopen. Vraag een nieuwe link.',
  'error.validation': 'Controleer het veld "{field}".',
  'error.too_large': 'Dat is te groot.',
  'error.conflict': 'Dat kan niet: het botst met de huidige toestand.',
  'error.server': 'De server heeft een probleem. Probeer het later opnieuw.',
  'error.documentGone': 'Dit document is niet (meer) beschikbaar voor jou.',
  'error.dismiss': 'Sluiten',

  'field.email': 'e-mailadres',
  'field.password': 'wachtwoord',
  'field.name': 'naam',
  'field.organization': 'organisatie',
  'field.title': 'titel',
  'field.tags': 'tags',
  'field.description': 'beschrijving',
  'field.role': 'rol',
};

/** Each feature keeps its strings in its own pair of files, merged here. */
export const nl = { ...core, ...liveNl, ...commentsNl, ...boardsNl, ...searchNl, ...peopleNl, ...lifecycleNl, ...editorNl, ...atelierNl, ...templatesNl, ...activityNl, ...membersNl, ...accountsNl, ...boardRulesNl, ...documentsNl, ...ssoNl, ...versionsNl, ...suggestionsNl } satisfies Record<string, Entry>;

/** Keys of counted phrases: `t(key, { count })`. */
export type PluralKey = PluralKeyOf<typeof nl>;
/** Keys of plain strings. */
export type MessageKey = Exclude<keyof typeof nl, PluralKey>;
