import type { PresenceConnection } from './presence-tracker';

export type PresenceState = 'joined' | 'left';
type Publish = (conn: PresenceConnection, state: PresenceState) => void;

interface Person {
  /** Documents whose last published state was 'joined' (absent: 'left', or never published). */
  readonly shown: Set<string>;
  /** The newest unpublished state per document, in arrival order. */
  readonly pending: Map<string, { conn: PresenceConnection; state: PresenceState }>;
  windowStart: number;
  used: number;
  timer: NodeJS.Timeout | null;
}

/**
 * At most `perWindow` presence events per person per window: a client that connects and
 * closes in a loop cannot flood every subscriber's event stream (and the log). Over the
 * allowance changes are coalesced per document and published when the window turns, so
 * what others see always ends in the person's real state: a join and leave that cancel out
 * while held back publish nothing. An own fixed window rather than rate-limiter-flexible
 * (the HTTP throttles' library): this path delays and coalesces synchronously, it never
 * refuses. Each instance counts its own sockets: a bound, not a quota.
 */
export class PresenceThrottle {
  private readonly people = new Map<string, Person>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly publish: Publish,
    private readonly now: () => number = Date.now,
  ) {
    this.sweep = setInterval(() => this.forgetIdle(), windowMs);
    this.sweep.unref();
  }

  changed(conn: PresenceConnection, state: PresenceState): void {
    const person = this.personOf(conn.user.id);
    const shown: PresenceState = person.shown.has(conn.documentId) ? 'joined' : 'left';
    // Newer news replaces older for the same document; back to what was shown is no news.
    person.pending.delete(conn.documentId);
    if (state !== shown) person.pending.set(conn.documentId, { conn, state });
    if (!person.timer) this.flush(person);
  }

  stop(): void {
    clearInterval(this.sweep);
    for (const p of this.people.values()) if (p.timer) clearTimeout(p.timer);
    this.people.clear();
  }

  /** People shown nowhere, with nothing held and a whole allowance again: nothing to remember. */
  private forgetIdle(): void {
    const t = this.now();
    for (const [userId, p] of this.people) {
      if (p.shown.size === 0 && p.pending.size === 0 && !p.timer && t - p.windowStart >= this.windowMs) this.people.delete(userId);
    }
  }

  private personOf(userId: string): Person {
    let p = this.people.get(userId);
    if (!p) {
      p = { shown: new Set(), pending: new Map(), windowStart: this.now(), used: 0, timer: null };
      this.people.set(userId, p);
    }
    return p;
  }

  private flush(person: Person): void {
    person.timer = null;
    const t = this.now();
    if (t - person.windowStart >= this.windowMs) {
      person.windowStart = t;
      person.used = 0;
    }
    for (const [documentId, { conn, state }] of person.pending) {
      if (person.used >= this.perWindow) break;
      person.pending.delete(documentId);
      person.used++;
      if (state === 'joined') person.shown.add(documentId);
      else person.shown.delete(documentId);
      this.publish(conn, state);
    }
    if (person.pending.size > 0) {
      const wait = Math.max(0, person.windowStart + this.windowMs - t);
      person.timer = setTimeout(() => this.flush(person), wait);
      person.timer.unref();
    }
  }
}
