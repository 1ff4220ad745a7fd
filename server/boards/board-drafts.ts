import { sql } from 'kysely';
import type { Db } from '../storage/sql/open-sql';

/** Which drafts were made from which board. */
export class BoardDraftRepository {
  constructor(private readonly db: Db) {}

  /** `seq` numbers the drafts of one board in the order they were made (migration 0200). */
  async record(boardId: string, draftId: string): Promise<void> {
    await this.db
      .insertInto('board_drafts')
      .values((eb) => ({
        board_id: boardId,
        draft_id: draftId,
        created_at: new Date().toISOString(),
        seq: eb.selectFrom('board_drafts').select(sql<number>`coalesce(max(seq), 0) + 1`.as('next')).where('board_id', '=', boardId),
      }))
      .execute();
  }

  /**
   * The newest draft made from the board that still exists. A draft in the bin or gone no
   * longer counts: documents cascade, and status is the documents' own.
   */
  async latest(boardId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('board_drafts as b')
      .innerJoin('documents as d', 'd.id', 'b.draft_id')
      .select('b.draft_id')
      .where('b.board_id', '=', boardId)
      .where('d.deleted_at', 'is', null)
      .orderBy('b.seq', 'desc')
      .orderBy('b.draft_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.draft_id;
  }
}
