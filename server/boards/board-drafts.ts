import type { Database } from '../storage/db';

/** Which drafts were made from which board (async, all SQL here). */
export class BoardDraftRepository {
  private readonly insert;
  private readonly latestStmt;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT INTO board_drafts (board_id, draft_id, created_at) VALUES (?, ?, ?)');
    // A draft in the bin or gone no longer counts: documents cascade, and status is the documents' own.
    this.latestStmt = db
      .prepare(
        `SELECT b.draft_id FROM board_drafts b JOIN documents d ON d.id = b.draft_id
          WHERE b.board_id = ? ORDER BY b.created_at DESC, b.rowid DESC LIMIT 1`,
      )
      .pluck();
  }

  async record(boardId: string, draftId: string): Promise<void> {
    this.insert.run(boardId, draftId, new Date().toISOString());
  }

  /** The newest draft made from the board that still exists. */
  async latest(boardId: string): Promise<string | undefined> {
    return this.latestStmt.get(boardId) as string | undefined;
  }
}
