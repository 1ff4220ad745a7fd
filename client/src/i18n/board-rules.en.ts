import type { Twin } from './dictionary';
import type { boardRulesNl } from './board-rules.nl';

/** Strings for board changes the server refused (board rules), in English. */
export const boardRulesEn: Twin<typeof boardRulesNl> = {
  'boardRules.refused':
    'The server refused your last change to this board: {reason}. The board was reloaded as the server has it; your refused change was not kept.',
  'boardRules.refusedCards': 'Not saved:',
  'boardRules.dismiss': 'Close',
  'boardRules.rule.locked': 'the board is locked',
  'boardRules.rule.facilitator_only': 'only the facilitator may change that',
  'boardRules.rule.not_author': "only a card's author, or the facilitator, edits or deletes it",
  'boardRules.rule.wrong_author': 'a card is in the name of whoever adds it',
  'boardRules.rule.not_own_vote': 'you can only vote in your own name',
  'boardRules.rule.bad_vote': 'a vote is a whole number',
  'boardRules.rule.votes_hidden': 'the votes are hidden, so a vote does not go on the board',
  'boardRules.rule.over_allowance': 'that is more votes than you may give',
  'boardRules.rule.malformed': 'the change was not a valid card',
  'boardRules.rule.unknown': 'it breaks the rules of the board',
};
