import type { DomainEvent, EventActor } from '../../../shared/events';

/** One line of the activity list: an event, or one person's run of edits told once. */
export type ActivityItem =
  | { kind: 'event'; key: string; event: DomainEvent }
  | { kind: 'edits'; key: string; actor: EventActor; latest: DomainEvent; documentIds: string[]; count: number };

/** An edit of the content (a rename has its own sentence and is not folded into a run). */
export function isContentEdit(e: DomainEvent): boolean {
  if (e.type !== 'document.updated') return false;
  const fields = Array.isArray(e.data.fields) ? (e.data.fields as unknown[]) : [];
  return !fields.includes('title') || fields.includes('content');
}

/**
 * Folds consecutive content edits by one person (events newest first) into one item:
 * "Karim werkte 3 documenten bij" instead of a line per 10-second window. Anything else
 * in between — another person, a comment — ends the run, so the order stays true.
 */
export function groupActivity(events: readonly DomainEvent[]): ActivityItem[] {
  const items: ActivityItem[] = [];
  let run: DomainEvent[] = [];
  const flush = () => {
    if (run.length === 1) items.push({ kind: 'event', key: run[0]!.id, event: run[0]! });
    if (run.length > 1) {
      const documentIds = [...new Set(run.map((e) => e.subject))];
      items.push({ kind: 'edits', key: `edits-${run[0]!.id}`, actor: run[0]!.actor, latest: run[0]!, documentIds, count: run.length });
    }
    run = [];
  };
  for (const e of events) {
    if (isContentEdit(e) && (run.length === 0 || run[0]!.actor.id === e.actor.id)) {
      run.push(e);
      continue;
    }
    flush();
    if (isContentEdit(e)) run.push(e);
    else items.push({ kind: 'event', key: e.id, event: e });
  }
  flush();
  return items;
}
