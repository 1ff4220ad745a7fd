import type { Database } from '../storage/db';
import type { PubSub } from '../bus/pubsub';
import type { DomainEvent, EventActor, EventType, NewDomainEvent } from '../../shared/events';

interface Row {
  id: number;
  workspace_id: string;
  type: EventType;
  actor: string;
  subject: string;
  data: string;
  at: string;
}

export const workspaceChannel = (workspaceId: string) => `sk:ws:${workspaceId}`;

/**
 * Events are stored first (the database's order is the order everyone sees), then a
 * nudge goes out on the bus so that every instance's streams read what is new. A lost
 * nudge delays an event until the stream's next poll; it never loses it.
 */
export class EventLog {
  private readonly insert;
  private readonly after;
  private readonly before;
  private readonly latest;

  constructor(
    db: Database,
    private readonly bus: PubSub,
  ) {
    this.insert = db.prepare(
      'INSERT INTO events (workspace_id, type, actor, subject, data, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    );
    this.after = db.prepare('SELECT * FROM events WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?');
    this.before = db.prepare('SELECT * FROM events WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
    this.latest = db.prepare('SELECT COALESCE(MAX(id), 0) FROM events WHERE workspace_id = ?').pluck();
  }

  record(e: NewDomainEvent): DomainEvent {
    const row = this.insert.get(
      e.workspaceId,
      e.type,
      JSON.stringify(e.actor),
      e.subject,
      JSON.stringify(e.data ?? {}),
      new Date().toISOString(),
    ) as Row;
    this.bus.publish(workspaceChannel(e.workspaceId), new TextEncoder().encode(String(row.id)));
    return toEvent(row);
  }

  /** Events after `afterId`, oldest first (SSE replay and live delivery). */
  since(workspaceId: string, afterId: number, limit = 500): DomainEvent[] {
    return (this.after.all(workspaceId, afterId, limit) as Row[]).map(toEvent);
  }

  /** Events before `beforeId` (or the newest), newest first (the activity page). */
  page(workspaceId: string, beforeId: number | null, limit: number): DomainEvent[] {
    return (this.before.all(workspaceId, beforeId ?? Number.MAX_SAFE_INTEGER, limit) as Row[]).map(toEvent);
  }

  lastId(workspaceId: string): number {
    return this.latest.get(workspaceId) as number;
  }
}

function toEvent(r: Row): DomainEvent {
  return {
    id: String(r.id),
    workspaceId: r.workspace_id,
    type: r.type,
    actor: JSON.parse(r.actor) as EventActor,
    subject: r.subject,
    data: JSON.parse(r.data) as Record<string, unknown>,
    at: r.at,
  };
}
