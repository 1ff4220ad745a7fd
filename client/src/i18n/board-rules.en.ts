import type { Twin } from './dictionary';
import type { boardRulesNl } from './board-rules.nl';

/** Strings for board changes the server refused (board rules), in English. */
export const boardRulesEn: Twin<typeof boardRulesNl> = {
  'boardRules.refused':
    'The server refused your last change to this board: {reason}. The board was reloaded as the server has it; your refused change was not kept.',
  'boardRules.refusedCards': 'Not saved:',
  'boardRules.dismiss': 'Close',
};
