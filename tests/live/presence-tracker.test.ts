import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { MemoryPresenceStore } from '../../server/presence/memory-presence';
import { PresenceTracker, type PresenceConnection } from '../../server/presence/presence-tracker';

/**
 * Joins and leaves are counted per person and document (no scan over every socket of the
 * instance): a person arrives with their first tab and leaves with their last.
 */
describe('PresenceTracker', () => {
  const trackers: PresenceTracker[] = [];
  afterEach(() => trackers.splice(0).forEach((t) => t.stop()));

  function setup() {
    const changes: string[] = [];
    const store = new MemoryPresenceStore();
    const tracker = new PresenceTracker(store, 'i1', createLogger('silent', 'i1'), (c, state) => changes.push(`${c.user.name}@${c.documentId}:${state}`));
    trackers.push(tracker);
    return { changes, store, tracker };
  }
  const socket = (id: string, user: string, documentId = 'd1'): PresenceConnection => ({
    id,
    documentId,
    workspaceId: 'w1',
    user: { id: `u-${user}`, name: user, organization: 'Stad Gent' },
    since: new Date(0).toISOString(),
  });

  it('announces a person once for several tabs, and their leaving only with the last tab', async () => {
    const { changes, store, tracker } = setup();
    tracker.joined(socket('s1', 'An'));
    tracker.joined(socket('s2', 'An'));
    tracker.joined(socket('s3', 'An', 'd2'));
    tracker.joined(socket('s4', 'Bo'));
    expect(changes).toEqual(['An@d1:joined', 'An@d2:joined', 'Bo@d1:joined']);
    tracker.left('s1');
    expect(changes).toHaveLength(3);
    tracker.left('s2');
    tracker.left('s4');
    expect(changes.slice(3)).toEqual(['An@d1:left', 'Bo@d1:left']);
    await new Promise((r) => setImmediate(r));
    expect((await store.list('w1')).map((e) => e.documentId)).toEqual(['d2']);
  });

  it('ignores a socket that leaves twice or joins twice, and one it never saw', () => {
    const { changes, tracker } = setup();
    tracker.joined(socket('s1', 'An'));
    tracker.joined(socket('s1', 'An'));
    tracker.left('nobody');
    tracker.left('s1');
    tracker.left('s1');
    tracker.joined(socket('s2', 'An'));
    expect(changes).toEqual(['An@d1:joined', 'An@d1:left', 'An@d1:joined']);
  });
});
