import { randomInt } from 'node:crypto';
import type { Database } from '../storage/db';
import { newId } from '../auth/tokens';
import type { UserRow } from '../auth/users';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/join';

export interface JoinSessionRow {
  id: string;
  code: string;
  workspace_id: string;
  document_id: string;
  require_email: number;
  created_by: string;
  created_at: string;
  expires_at: number;
  ended_at: number | null;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * Join sessions and guest accounts. Methods are async so that another store can stand in;
 * all SQL of the feature is here.
 */
export class JoinRepository {
  private readonly insert;
  private readonly byCode;
  private readonly activeForDocument;
  private readonly end;
  private readonly insertGuest;
  private readonly guestOf;
  private readonly removeGuest;
  private readonly insertUser;
  private readonly insertMember;
  private readonly upgradeUser;
  private readonly previewStmt;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO join_sessions (id, code, workspace_id, document_id, require_email, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byCode = db.prepare('SELECT * FROM join_sessions WHERE code = ?');
    this.activeForDocument = db.prepare(
      'SELECT * FROM join_sessions WHERE document_id = ? AND ended_at IS NULL AND expires_at > ? ORDER BY expires_at DESC LIMIT 1',
    );
    this.end = db.prepare('UPDATE join_sessions SET ended_at = ? WHERE document_id = ? AND ended_at IS NULL');
    this.insertGuest = db.prepare('INSERT INTO guest_accounts (user_id, join_session_id, contact_email, created_at) VALUES (?, ?, ?, ?)');
    this.guestOf = db.prepare(
      `SELECT s.workspace_id AS workspaceId, s.document_id AS documentId
         FROM guest_accounts g JOIN join_sessions s ON s.id = g.join_session_id
        WHERE g.user_id = ?`,
    );
    this.removeGuest = db.prepare('DELETE FROM guest_accounts WHERE user_id = ?');
    this.insertUser = db.prepare('INSERT INTO users (id, email, password_hash, name, organization, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertMember = db.prepare("INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, 'participant', ?)");
    this.upgradeUser = db.prepare('UPDATE users SET email = ?, password_hash = ? WHERE id = ?');
    this.previewStmt = db.prepare(
      `SELECT w.name AS workspaceName, d.title AS boardTitle
         FROM workspaces w JOIN documents d ON d.workspace_id = w.id
        WHERE w.id = ? AND d.id = ?`,
    );
  }

  /** The running session of a board, or a new one; a board has at most one at a time. */
  async startOrGet(input: { workspaceId: string; documentId: string; createdBy: string; hours: number; requireEmail: boolean }): Promise<JoinSessionRow> {
    const now = Date.now();
    return this.db.transaction(() => {
      const running = this.activeForDocument.get(input.documentId, now) as JoinSessionRow | undefined;
      if (running) return running;
      for (;;) {
        const row: JoinSessionRow = {
          id: newId(),
          code: newCode(),
          workspace_id: input.workspaceId,
          document_id: input.documentId,
          require_email: input.requireEmail ? 1 : 0,
          created_by: input.createdBy,
          created_at: new Date(now).toISOString(),
          expires_at: now + input.hours * 3600_000,
          ended_at: null,
        };
        try {
          this.insert.run(row.id, row.code, row.workspace_id, row.document_id, row.require_email, row.created_by, row.created_at, row.expires_at);
          return row;
        } catch (err) {
          // An old session holds this code (codes are never reused): draw again.
          if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
        }
      }
    }).immediate();
  }

  async active(documentId: string): Promise<JoinSessionRow | undefined> {
    return this.activeForDocument.get(documentId, Date.now()) as JoinSessionRow | undefined;
  }

  /** A session by code, whatever its state (callers tell expired from unknown). */
  async findByCode(code: string): Promise<JoinSessionRow | undefined> {
    return this.byCode.get(code) as JoinSessionRow | undefined;
  }

  async endFor(documentId: string): Promise<boolean> {
    return this.end.run(Date.now(), documentId).changes > 0;
  }

  /**
   * Makes the guest account, its participant membership and its guest row in one
   * transaction. Its e-mail is a unique placeholder that cannot receive mail (RFC 2606),
   * replaced on upgrade; its password hash never verifies, so nobody signs in as it.
   */
  async createGuest(input: { session: JoinSessionRow; name: string; organization: string; contactEmail: string | null }): Promise<UserRow> {
    const id = newId();
    const now = new Date().toISOString();
    const row: UserRow = {
      id,
      email: `guest-${id.toLowerCase()}@guest.invalid`,
      password_hash: 'guest-account-without-password',
      name: input.name,
      organization: input.organization,
      created_at: now,
    };
    this.db.transaction(() => {
      this.insertUser.run(row.id, row.email, row.password_hash, row.name, row.organization, row.created_at);
      this.insertMember.run(input.session.workspace_id, id, now);
      this.insertGuest.run(id, input.session.id, input.contactEmail, now);
    })();
    return row;
  }

  /** The workspace name and board title behind a session, for the join page. */
  async preview(row: JoinSessionRow): Promise<{ workspaceName: string; boardTitle: string } | undefined> {
    return this.previewStmt.get(row.workspace_id, row.document_id) as { workspaceName: string; boardTitle: string } | undefined;
  }

  async guest(userId: string): Promise<{ workspaceId: string; documentId: string } | undefined> {
    return this.guestOf.get(userId) as { workspaceId: string; documentId: string } | undefined;
  }

  /** Turns a guest into a full account: e-mail and password set, guest row gone, in one go. */
  async upgrade(userId: string, email: string, passwordHash: string): Promise<void> {
    this.db.transaction(() => {
      this.upgradeUser.run(email, passwordHash, userId);
      this.removeGuest.run(userId);
    })();
  }
}
