import type { Selectable, Transaction } from 'kysely';
import type { PubSub } from '../bus/pubsub';
import type { Db } from '../storage/sql/open-sql';
import type { EventsTable, Tables } from '../storage/sql/tables';
import type { DomainEvent, EventActor, EventType, NewDomainEvent } from '../../shared/events';

type Row = Selectable<EventsTable>;

export const workspaceChannel = (workspaceId: string) => `sk:ws:${workspaceId}`;

/**
 * Takes the workspace's event lock for the rest of `trx` (see 0300-event-locks.ts): the id
 * the next insert draws is then higher than every id committed or yet to commit before it.
 */
export async function lockWorkspaceEvents(trx: Transaction<Tables>, workspaceId: string): Promise<void> {
  await trx
    .insertInto('event_locks')
    .values({ workspace_id: workspaceId, recorded: 1 })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet((eb) => ({ recorded: eb('event_locks.recorded', '+', 1) })))
    .execute();
}

/** Inserts one event; call inside a transaction that holds the workspace's event lock. */
export function insertEvent(trx: Transaction<Tables>, e: NewDomainEvent): Promise<Row> {
  return trx
    .insertInto('events')
    .values({
      workspace_id: e.workspaceId,
      type: e.type,
      actor: JSON.stringify(e.actor),
      subject: e.subject,
      data: JSON.stringify(e.data ?? {}),
      at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Events are stored first (the database's order is the order everyone sees), then a
 * nudge goes out on the bus so that every instance's streams read what is new. A lost
 * nudge delays an event until the stream's next poll; it never loses it. Ids are the SSE
 * Last-Event-ID: within a workspace they commit in increasing order, so reading "after the
 * last id sent" never skips an event, however many instances write.
 */
export class EventLog {
  constructor(
    private readonly db: Db,
    private readonly bus: PubSub,
  ) {}

  async record(e: NewDomainEvent): Promise<DomainEvent> {
    const row = await this.db.transaction().execute(async (trx) => {
      await lockWorkspaceEvents(trx, e.workspaceId);
      return insertEvent(trx, e);
    });
    this.bus.publish(workspaceChannel(e.workspaceId), new TextEncoder().encode(String(row.id)));
    return toEvent(row);
  }

  /** Events after `afterId`, oldest first (SSE replay and live delivery). */
  async since(workspaceId: string, afterId: number, limit = 500): Promise<DomainEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  /** Events of `types` before `beforeId` (or the newest), newest first: the activity page, filtered in the query so every page is full. */
  async activity(workspaceId: string, beforeId: number | null, limit: number, types: readonly EventType[]): Promise<DomainEvent[]> {
    if (types.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '<', beforeId ?? Number.MAX_SAFE_INTEGER)
      .where('type', 'in', types)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  async lastId(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('last'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }
}

function toEvent(r: Row): DomainEvent {
  return {
    id: String(r.id),
    workspaceId: r.workspace_id,
    type: r.type as EventType,
    actor: JSON.parse(r.actor) as EventActor,
    subject: r.subject,
    data: JSON.parse(r.data) as Record<string, unknown>,
    at: r.at,
  };
}
