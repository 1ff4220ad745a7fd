import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { newId } from '../auth/tokens';
import type { UserRow } from '../auth/users';
import { isUniqueViolation } from '../storage/sql/errors';
import type { Db } from '../storage/sql/open-sql';
import type { JoinSessionsTable } from '../storage/sql/tables';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/join';

export type JoinSessionRow = Selectable<JoinSessionsTable>;

/** Rounds of "end the expired one, insert, else read the open one" before giving up (races only). */
const START_ATTEMPTS = 10;

function newCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Join sessions and guest accounts: all SQL of the feature is here. */
export class JoinRepository {
  constructor(private readonly db: Db) {}

  /**
   * The running session of a board, or a new one. A board has at most one open session,
   * which the database enforces (a unique index on open sessions, migration 0201): of
   * owners or instances starting one at the same moment, one inserts and the others find
   * its row. An expired session is ended first, so that it makes room.
   */
  async startOrGet(input: { workspaceId: string; documentId: string; createdBy: string; hours: number; requireEmail: boolean }): Promise<JoinSessionRow> {
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const now = Date.now();
      await this.db
        .updateTable('join_sessions')
        .set((eb) => ({ ended_at: eb.ref('expires_at') }))
        .where('document_id', '=', input.documentId)
        .where('ended_at', 'is', null)
        .where('expires_at', '<=', now)
        .execute();
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
        const inserted = await this.db
          .insertInto('join_sessions')
          .values(row)
          .onConflict((oc) => oc.column('document_id').where('ended_at', 'is', null).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows) === 1) return row;
      } catch (err) {
        // An old session holds this code (codes are never reused): draw again.
        if (isUniqueViolation(err)) continue;
        throw err;
      }
      const running = await this.active(input.documentId);
      if (running) return running;
      // The open session ended or expired between the two statements: start afresh.
    }
    throw new Error(`could not start a join session for document ${input.documentId}`);
  }

  async active(documentId: string): Promise<JoinSessionRow | undefined> {
    return this.db
      .selectFrom('join_sessions')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .orderBy('expires_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** A session by code, whatever its state (callers tell expired from unknown). */
  async findByCode(code: string): Promise<JoinSessionRow | undefined> {
    return this.db.selectFrom('join_sessions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  /** Ends the board's open session; true when there was one. */
  async endFor(documentId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('join_sessions')
      .set({ ended_at: Date.now() })
      .where('document_id', '=', documentId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
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
      language: 'nl',
      // A guest's address is a placeholder that cannot receive mail: never send any.
      notify_mail: 'off',
      deleted_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(row).execute();
      await trx.insertInto('members').values({ workspace_id: input.session.workspace_id, user_id: id, role: 'participant', joined_at: now }).execute();
      await trx.insertInto('guest_accounts').values({ user_id: id, join_session_id: input.session.id, contact_email: input.contactEmail, created_at: now }).execute();
    });
    return row;
  }

  /** The workspace name and board title behind a session, for the join page. */
  async preview(row: JoinSessionRow): Promise<{ workspaceName: string; boardTitle: string } | undefined> {
    return this.db
      .selectFrom('workspaces as w')
      .innerJoin('documents as d', 'd.workspace_id', 'w.id')
      .select(['w.name as workspaceName', 'd.title as boardTitle'])
      .where('w.id', '=', row.workspace_id)
      .where('d.id', '=', row.document_id)
      .executeTakeFirst();
  }

  async guest(userId: string): Promise<{ workspaceId: string; documentId: string } | undefined> {
    return this.db
      .selectFrom('guest_accounts as g')
      .innerJoin('join_sessions as s', 's.id', 'g.join_session_id')
      .select(['s.workspace_id as workspaceId', 's.document_id as documentId'])
      .where('g.user_id', '=', userId)
      .executeTakeFirst();
  }

  /**
   * Turns a guest into a full account: e-mail and password set, guest row gone, in one go.
   * False when another account took the e-mail address meanwhile (nothing changed).
   */
  async upgrade(userId: string, email: string, passwordHash: string): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ email, password_hash: passwordHash }).where('id', '=', userId).execute();
        await trx.deleteFrom('guest_accounts').where('user_id', '=', userId).execute();
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
