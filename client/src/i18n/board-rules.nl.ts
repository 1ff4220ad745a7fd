/** Strings for board changes the server refused (board rules), in Dutch. */
export const boardRulesNl = {
  'boardRules.refused':
    'De server weigerde je laatste wijziging aan dit bord: {reason}. Het bord is opnieuw geladen zoals het op de server staat; je geweigerde wijziging is niet bewaard.',
  'boardRules.refusedCards': 'Niet bewaard:',
  'boardRules.dismiss': 'Sluiten',
};
