/**
 * Board reading and honest counting live in shared/board.ts (the client counts the same
 * way); this module keeps the export's imports stable and adds its wording.
 */
export {
  DEFAULT_VOTES_PER_PERSON,
  compareCardAge,
  readHonestBoard,
  type BoardCard,
  type BoardColumn,
  type HonestBoard,
} from '../../shared/board';

/** "1 stem", "7 stemmen": how Flemish readers expect a vote count. */
export function votesLabel(votes: number): string {
  return votes === 1 ? '1 stem' : `${votes} stemmen`;
}
