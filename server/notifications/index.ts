import type { Hono } from 'hono';
import type { Db } from '../storage/sql/open-sql';
import type { Logger } from '../log';
import type { DomainEvents } from '../events/emit';
import type { AppEnv } from '../http/access';
import type { Mailer } from '../mail/mailer';
import { NotificationMailRepository } from './mail-repository';
import { NotificationMailer } from './mail-notifier';
import { unsubscribeRoutes } from './routes';

/** How often the digest is looked at; it goes out once a day, after the digest hour. */
const DIGEST_CHECK_MS = 10 * 60_000;

/**
 * Notification mail wired to the event path: every comment event (and every decided
 * suggestion) flushes what is due at
 * once (the in-app notifications were written by earlier listeners of the same event), a
 * timer sends the daily digests, and the unsubscribe routes turn mail off in one click.
 */
export function notificationMail(opts: {
  db: Db;
  mailer: Mailer;
  events: DomainEvents;
  origin: () => string;
  log: Logger;
  digestHourUtc: number;
}): { routes: Hono<AppEnv>; close(): void } {
  const repo = new NotificationMailRepository(opts.db);
  const notifier = new NotificationMailer(repo, opts.mailer, opts.origin, opts.log, opts.digestHourUtc);
  opts.events.subscribe((event) => {
    if (event.type.startsWith('comment.') || event.type === 'suggestion.accepted' || event.type === 'suggestion.rejected') void notifier.flushInstant();
  });
  const timer = setInterval(() => void notifier.sendDigests(new Date()), DIGEST_CHECK_MS);
  timer.unref();
  return { routes: unsubscribeRoutes(repo), close: () => clearInterval(timer) };
}
