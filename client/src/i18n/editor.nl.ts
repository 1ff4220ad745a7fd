/** Strings of the editor (saving, refusals, toolbar, outline), in Dutch (Flemish usage); the English twin has the same keys. */
export const editorNl = {
  'save.label': 'Bewaarstatus',
  'save.saved': 'Alle wijzigingen bewaard',
  'save.saving': 'Bewaren…',
  'save.offline': 'Offline — wordt bewaard zodra je weer verbonden bent',
  'save.leaveWarning': 'Niet al je wijzigingen zijn al bewaard. Wil je de pagina toch verlaten?',

  'refused.title': 'Je laatste wijzigingen zijn niet bewaard',
  'refused.read_only': 'Je mag dit document niet (meer) bewerken.',
  'refused.forbidden': 'De server heeft je wijziging geweigerd: je mag dit niet (meer) doen.',
  'refused.too_large': 'Je wijziging was te groot om in één keer te bewaren.',
  'refused.document_full': 'Dit document heeft zijn grootste toegelaten omvang bereikt; je wijziging kan er niet meer bij.',
  'refused.rate_limited': 'Je stuurde te veel wijzigingen tegelijk; de server heeft de verbinding verbroken.',
  'refused.invalid': 'De server kon je wijziging niet aanvaarden.',
  'refused.signed_out': 'Je bent afgemeld. Meld je opnieuw aan om verder te werken.',
  'refused.not_accepted': 'De server heeft je wijzigingen niet overgenomen.',
  'refused.keep': 'Je tekst is niet weg: hij staat hieronder, zodat je hem kunt kopiëren en elders bewaren. Het document zelf is nu alleen te lezen.',
  'refused.yourText': 'Je tekst zoals hij op dit scherm staat',
  'refused.copy': 'Tekst kopiëren',
  'refused.copied': 'Gekopieerd',
  'refused.reload': 'Pagina opnieuw laden',

  'deep.title': 'Dit document kan niet getoond worden in de editor',
  'deep.body': 'Het bevat inhoud die meer dan {limit} niveaus diep genest is. Om niets te beschadigen is het hier alleen te lezen; de tekst staat hieronder.',

  'toolbar.more': 'Meer opmaak',
  'doc.editTitle': 'Titel wijzigen',
  'doc.wordCount': { one: '{count} woord', other: '{count} woorden' },
  'doc.outline': 'Inhoud',
  'doc.outlineHint': 'Koppen in dit document',

  'offline.updateReady': 'Er is een nieuwe versie van Stadskamer.',
  'offline.updateLoad': 'Nieuwe versie laden',
  'offline.updateLater': 'Later',
  'offline.localCopy': 'Offline: je werkt in de kopie op dit toestel. Je wijzigingen worden bewaard zodra je weer verbonden bent.',
};
