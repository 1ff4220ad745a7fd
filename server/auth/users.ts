import type { Selectable } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import type { UsersTable } from '../storage/sql/tables';
import { isUniqueViolation } from '../storage/sql/errors';
import type { User } from '../../shared/api';
import { newId } from './tokens';
import { colorForUser } from './user-color';

/**
 * An account as the server carries it around (on every request's `auth`). Without the
 * unsubscribe token and digest bookkeeping: those belong to the mail code, not to requests.
 * `language` is 'nl' or 'en' (their mail); `notify_mail` 'instant', 'daily' or 'off'.
 */
export type UserRow = Omit<Selectable<UsersTable>, 'unsubscribe_token' | 'last_digest_at'>;

/** The columns of a UserRow, for queries that read one (also joined, in sessions.ts). */
export const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.password_hash',
  'users.name',
  'users.organization',
  'users.created_at',
  'users.language',
  'users.notify_mail',
  'users.deleted_at',
] as const;

export class EmailTakenError extends Error {}

export function toUser(row: Pick<UserRow, 'id' | 'email' | 'name' | 'organization'> & Partial<Pick<UserRow, 'language' | 'notify_mail'>>): User {
  const user: User = { id: row.id, email: row.email, name: row.name, organization: row.organization, color: colorForUser(row.id) };
  // The person's own settings travel with their own user record only.
  if (row.language === 'nl' || row.language === 'en') user.language = row.language;
  if (row.notify_mail === 'instant' || row.notify_mail === 'daily' || row.notify_mail === 'off') user.notifyMail = row.notify_mail;
  return user;
}

/** Accounts: e-mail addresses arrive already lower-cased by the request schema. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /** Throws EmailTakenError when the address has an account (the UNIQUE index decides, so two racing sign-ups cannot both win). */
  async create(input: { email: string; passwordHash: string; name: string; organization: string }): Promise<UserRow> {
    const row: UserRow = {
      id: newId(),
      email: input.email,
      password_hash: input.passwordHash,
      name: input.name,
      organization: input.organization,
      created_at: new Date().toISOString(),
      language: 'nl',
      notify_mail: 'instant',
      deleted_at: null,
    };
    try {
      await this.db
        .insertInto('users')
        .values({ id: row.id, email: row.email, password_hash: row.password_hash, name: row.name, organization: row.organization, created_at: row.created_at })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new EmailTakenError();
      throw err;
    }
    return row;
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  }
}
