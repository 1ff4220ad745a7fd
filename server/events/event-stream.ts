import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { PubSub } from '../bus/pubsub';
import { workspaceChannel, type EventLog } from './event-log';

const HEARTBEAT_MS = 15_000;
/** Safety net for nudges lost while the bus was away. */
const POLL_MS = 5_000;

/**
 * One SSE stream of a workspace's events. It starts after `Last-Event-ID` (replaying
 * what the client missed) or at the newest event, and reads the log whenever the bus
 * nudges, so the order is the log's and nothing is sent twice.
 */
export function streamWorkspaceEvents(
  c: Context,
  workspaceId: string,
  log: EventLog,
  bus: PubSub,
  /** Lets revocation end the stream (logout, removal); returns how to forget it. */
  track?: (end: () => void) => () => void,
): Response {
  const header = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
  const resumeFrom = header && /^\d{1,15}$/.test(header) ? Number(header) : null;
  return streamSSE(c, async (stream) => {
    let lastId = resumeFrom ?? (await log.lastId(workspaceId));
    let sending: Promise<void> = Promise.resolve();
    // A burst of nudges needs one more read after the one under way, not one read each.
    let queued = false;
    const pump = () => {
      if (queued) return;
      queued = true;
      sending = sending.then(async () => {
        queued = false;
        for (;;) {
          const batch = await log.since(workspaceId, lastId);
          for (const e of batch) {
            await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(e) });
            lastId = Number(e.id);
          }
          if (batch.length < 500) return;
        }
      }).catch(() => undefined); // the client went away mid-write; onAbort ends the stream
    };
    const onNudge = () => pump();
    await bus.subscribe(workspaceChannel(workspaceId), onNudge);
    // A comment first, so proxies and browsers see the stream is open.
    await stream.write(': connected\n\n');
    pump();
    const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => undefined), HEARTBEAT_MS);
    const poll = setInterval(pump, POLL_MS);
    let untrack: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      untrack = track?.(resolve);
    });
    untrack?.();
    clearInterval(heartbeat);
    clearInterval(poll);
    await bus.unsubscribe(workspaceChannel(workspaceId), onNudge);
  });
}
