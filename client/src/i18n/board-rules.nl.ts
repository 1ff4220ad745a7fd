/** Strings for board changes the server refused (board rules), in Dutch. */
export const boardRulesNl = {
  'boardRules.refused':
    'De server weigerde je laatste wijziging aan dit bord: {reason}. Het bord is opnieuw geladen zoals het op de server staat; je geweigerde wijziging is niet bewaard.',
  'boardRules.refusedCards': 'Niet bewaard:',
  'boardRules.dismiss': 'Sluiten',
  // The rule the server says was broken (shared/board-rules.ts), as the end of the sentence above.
  'boardRules.rule.locked': 'het bord is vergrendeld',
  'boardRules.rule.facilitator_only': 'alleen de begeleider mag dat wijzigen',
  'boardRules.rule.not_author': 'alleen wie een kaart schreef, of de begeleider, past ze aan of verwijdert ze',
  'boardRules.rule.wrong_author': 'een kaart staat op naam van wie ze toevoegt',
  'boardRules.rule.not_own_vote': 'je stemt alleen in je eigen naam',
  'boardRules.rule.bad_vote': 'een stem is een heel getal',
  'boardRules.rule.votes_hidden': 'de stemmen zijn verborgen, dus een stem komt niet op het bord',
  'boardRules.rule.over_allowance': 'dat zijn meer stemmen dan je mag geven',
  'boardRules.rule.malformed': 'de wijziging was geen geldige kaart',
  'boardRules.rule.unknown': 'ze gaat in tegen de regels van het bord',
};
