import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventType } from '../../shared/events';
import { groupActivity } from '../../client/src/live/group-activity';

let next = 100;
const ev = (type: EventType, actorId: string, subject: string, data: Record<string, unknown> = {}): DomainEvent => ({
  id: String(next--),
  workspaceId: 'w',
  type,
  actor: { id: actorId, name: actorId === 'k' ? 'Karim' : 'Anna', organization: 'Stad Gent' },
  subject,
  data,
  at: '2026-12-01T02:00:00.000Z',
});
const edit = (actor: string, doc: string) => ev('document.updated', actor, doc, { fields: ['content'] });

describe('groupActivity', () => {
  it("folds one person's consecutive edits into one item that counts documents", () => {
    const events = [edit('k', 'd1'), edit('k', 'd2'), edit('k', 'd1'), edit('k', 'd3')];
    const [item, ...rest] = groupActivity(events);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'edits', count: 4, documentIds: ['d1', 'd2', 'd3'], latest: events[0] });
  });

  it('ends a run at another person or another kind of event, keeping the order', () => {
    const events = [edit('k', 'd1'), edit('k', 'd2'), edit('a', 'd2'), ev('comment.created', 'k', 't1'), edit('k', 'd3'), edit('k', 'd4')];
    const items = groupActivity(events);
    expect(items.map((i) => (i.kind === 'edits' ? `edits:${i.actor.id}:${i.count}` : `${i.event.type}:${i.event.actor.id}`))).toEqual([
      'edits:k:2',
      'document.updated:a',
      'comment.created:k',
      'edits:k:2',
    ]);
  });

  it('leaves a single edit and renames as they are', () => {
    const rename = ev('document.updated', 'k', 'd1', { fields: ['title'] });
    const items = groupActivity([edit('k', 'd1'), rename, edit('k', 'd1')]);
    expect(items.map((i) => i.kind)).toEqual(['event', 'event', 'event']);
    expect(groupActivity([])).toEqual([]);
  });
});
