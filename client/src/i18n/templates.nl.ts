/** Strings of templates ("Nieuw document" and "Bewaren als sjabloon"), in Dutch (Flemish usage). */
export const templatesNl = {
  'templates.pick': 'Sjabloon',
  'templates.blank': 'Leeg document',
  'templates.builtin': 'Standaardsjablonen',
  'templates.saved': 'Sjablonen van deze werkruimte',
  'templates.builtin:aanbevelingennota': 'Aanbevelingennota',
  'templates.builtin:verslag-stadskamer': 'Verslag stadskamer',
  'templates.builtin:netwerknotitie': 'Netwerknotitie',
  'templates.builtin:atelierbord': 'Atelierbord (drie invalshoeken)',
  'templates.delete': 'Sjabloon "{name}" verwijderen',
  'templates.save': 'Bewaren als sjabloon…',
  'templates.saveTitle': '"{title}" bewaren als sjabloon',
  'templates.name': 'Naam van het sjabloon',
  'templates.saveHint': 'Leden van deze werkruimte kunnen er nieuwe documenten mee beginnen. Latere wijzigingen aan dit document komen niet in het sjabloon.',
  'templates.saveConfirm': 'Bewaren',
  'templates.saved.notice': 'Bewaard als sjabloon "{name}".',
  'templates.cancel': 'Annuleren',
} as const;
