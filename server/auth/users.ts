import type { Database } from '../storage/db';
import type { User } from '../../shared/api';
import { newId } from './tokens';
import { colorForUser } from './user-color';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  organization: string;
  created_at: string;
  /** 'nl' or 'en': the language of their mail. */
  language: string;
  /** 'instant', 'daily' or 'off': notification mail. */
  notify_mail: string;
  deleted_at: string | null;
}

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
  private readonly insert;
  private readonly byEmail;
  private readonly byId;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO users (id, email, password_hash, name, organization, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
    this.byId = db.prepare('SELECT * FROM users WHERE id = ?');
  }

  create(input: { email: string; passwordHash: string; name: string; organization: string }): UserRow {
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
      this.insert.run(row.id, row.email, row.password_hash, row.name, row.organization, row.created_at);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new EmailTakenError();
      throw err;
    }
    return row;
  }

  findByEmail(email: string): UserRow | undefined {
    return this.byEmail.get(email) as UserRow | undefined;
  }

  findById(id: string): UserRow | undefined {
    return this.byId.get(id) as UserRow | undefined;
  }
}
