import { describe, expect, it } from 'vitest';
import { DomainEvents } from '../../server/events/emit';
import { createLogger } from '../../server/log';
import type { NewDomainEvent } from '../../shared/events';

const actor = { id: 'u', name: 'U', organization: 'O' };
const ev = (workspaceId: string, subject: string): NewDomainEvent => ({ workspaceId, type: 'document.updated', actor, subject });

/** A promise and the function that settles it: a listener held until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  return { opened: new Promise<void>((resolve) => (open = resolve)), open };
}

describe('domain events with asynchronous listeners', () => {
  it("handles one workspace's events in emit order, each through every listener before the next", async () => {
    const events = new DomainEvents(createLogger('silent', 'test'));
    const seen: string[] = [];
    const first = gate();
    events.subscribe(async (e) => {
      if (e.subject === 'a') await first.opened;
      seen.push(`log ${e.subject}`);
    });
    events.subscribe((e) => {
      seen.push(`mail ${e.subject}`);
    });
    events.emit(ev('w1', 'a'));
    events.emit(ev('w1', 'b'));
    events.emit(ev('w2', 'x'));
    // w2 is not held up by w1's slow listener; w1's second event waits for its first.
    await expect.poll(() => seen).toEqual(['log x', 'mail x']);
    first.open();
    await events.idle();
    expect(seen).toEqual(['log x', 'mail x', 'log a', 'mail a', 'log b', 'mail b']);
  });

  it('answers a request only after the events it emitted were handled; a failing listener stops nothing', async () => {
    const events = new DomainEvents(createLogger('silent', 'test'));
    const entered: string[] = [];
    const handled: string[] = [];
    const held = gate();
    events.subscribe(() => {
      throw new Error('broken listener');
    });
    events.subscribe(async (e) => {
      entered.push(e.subject);
      if (e.subject === 'created') await held.opened;
      handled.push(e.subject);
    });
    let answered = false;
    const request = events.settle(async () => {
      events.emit(ev('w1', 'created'));
      return 'response';
    });
    void request.then(() => (answered = true));
    // Another workspace's event, emitted outside the request, is handled meanwhile and not waited for.
    events.emit(ev('w9', 'elsewhere'));
    // Barrier: the request's event reached the held listener (past the broken one), the other one is done.
    await expect.poll(() => [...entered].sort()).toEqual(['created', 'elsewhere']);
    await expect.poll(() => handled).toEqual(['elsewhere']);
    expect(answered).toBe(false);
    held.open();
    expect(await request).toBe('response');
    expect(handled).toEqual(['elsewhere', 'created']);
  });
});
