import type { Logger } from '../log';
import type { Mailer } from '../mail/mailer';
import { digestMail, notificationMail, type MailItem } from '../mail/notification-templates';
import { languageOf } from '../accounts/language';
import type { NotificationMailRepository, PendingMail } from './mail-repository';

/** The most recent moment, at or before `now`, when the clock in UTC read `hour`:00. */
export function lastDigestBoundary(now: Date, hour: number): Date {
  const boundary = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (boundary.getTime() > now.getTime()) boundary.setUTCDate(boundary.getUTCDate() - 1);
  return boundary;
}

/**
 * Notification mail: people who chose 'instant' get one mail per notification right after
 * it happens; people who chose 'daily' get one digest a day, after `digestHourUtc`. Sends
 * are serialised; each notification is claimed before its mail goes out (so that of several
 * instances only one sends it) and given back when the SMTP server did not take it.
 */
export class NotificationMailer {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: NotificationMailRepository,
    private readonly mailer: Mailer,
    private readonly origin: () => string,
    private readonly log: Logger,
    private readonly digestHourUtc: number,
  ) {}

  /** Sends what is due at once; resolves when done. */
  flushInstant(): Promise<void> {
    return this.serialised(async () => {
      const pending = await this.repo.pendingInstant();
      for (const p of pending) {
        if ((await this.repo.claim([p.id], new Date())).length === 0) continue; // another instance sends it
        const mail = notificationMail(p.email, languageOf(p), await this.item(p), await this.unsubscribeUrl(p.user_id));
        if (!(await this.deliver(mail, p.user_id))) await this.repo.release([p.id]);
      }
    });
  }

  /** Sends each 'daily' person one digest of what is unmailed, if their last one was before today's digest hour. */
  sendDigests(now: Date): Promise<void> {
    return this.serialised(async () => {
      const boundary = lastDigestBoundary(now, this.digestHourUtc);
      const pending = await this.repo.pendingDigests(boundary.getTime(), now);
      const byUser = new Map<string, PendingMail[]>();
      for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
      for (const [userId, all] of byUser) {
        // Every instance runs this timer: the one that claims the person's digest sends it.
        if (!(await this.repo.claimDigest(userId, boundary.getTime(), now))) continue;
        const claimed = new Set(await this.repo.claim(all.map((i) => i.id), now));
        const items = all.filter((i) => claimed.has(i.id));
        if (items.length === 0) continue;
        const first = items[0]!;
        const mail = digestMail(first.email, languageOf(first), await Promise.all(items.map((i) => this.item(i))), await this.unsubscribeUrl(userId));
        if (await this.deliver(mail, userId)) continue;
        await this.repo.release([...claimed]);
        await this.repo.releaseDigest(userId);
      }
    });
  }

  private async item(p: PendingMail): Promise<MailItem> {
    return {
      kind: p.kind,
      actor: p.actor_name,
      document: p.document_title,
      excerpt: p.excerpt,
      url: `${this.origin()}/d/${encodeURIComponent(p.document_id)}${p.thread_id === null ? '' : `?thread=${encodeURIComponent(p.thread_id)}`}`,
    };
  }

  private async unsubscribeUrl(userId: string): Promise<string> {
    return `${this.origin()}/api/unsubscribe/${await this.repo.unsubscribeToken(userId)}`;
  }

  private async deliver(mail: Parameters<Mailer['send']>[0], userId: string): Promise<boolean> {
    try {
      await this.mailer.send(mail);
      return true;
    } catch (err) {
      this.log.error({ event: 'notification.mail_failed', userId, err: (err as Error).message }, 'notification mail not sent');
      return false;
    }
  }

  private serialised(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((err: unknown) => this.log.error({ event: 'notification.mail_error', err }, 'notification mail run failed'));
    this.queue = next;
    return next;
  }
}
