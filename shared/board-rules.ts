/**
 * Which board rule a refused change broke (CONTRACT §3, board rules). The server closes the
 * socket with 4403 and the reason `board rule: <code>`; the client words the code in the
 * person's language. The server's own English explanation goes to its logs only.
 */
export const BOARD_RULE_CODES = [
  /** While the board is locked only owners change anything. */
  'locked',
  /** Settings, columns and the inside of card fields are the facilitator's. */
  'facilitator_only',
  /** Only a card's author (or the facilitator) edits, replaces or deletes it. */
  'not_author',
  /** A new card's author is whoever adds it, and stays so. */
  'wrong_author',
  /** A vote is cast or taken back only under one's own name. */
  'not_own_vote',
  /** A vote is a whole number of at least zero. */
  'bad_vote',
  /** While the votes are hidden a vote goes on the ballot, not on the board. */
  'votes_hidden',
  /** More votes than the allowance per person. */
  'over_allowance',
  /** A card that is not a card. */
  'malformed',
] as const;
export type BoardRuleCode = (typeof BOARD_RULE_CODES)[number];

const PREFIX = 'board rule: ';

/** The close reason the server sends for a broken board rule. */
export function boardRuleCloseReason(code: BoardRuleCode): string {
  return PREFIX + code;
}

/**
 * The broken rule a close reason names: null when the close is not a board-rule refusal,
 * 'unknown' for a code this client does not know (a newer server).
 */
export function boardRuleOfClose(reason: string): BoardRuleCode | 'unknown' | null {
  return reason.startsWith(PREFIX) ? toBoardRule(reason.slice(PREFIX.length)) : null;
}

/** `code` when it names a rule this client knows, else 'unknown'. */
export function toBoardRule(code: unknown): BoardRuleCode | 'unknown' {
  return (BOARD_RULE_CODES as readonly unknown[]).includes(code) ? (code as BoardRuleCode) : 'unknown';
}
