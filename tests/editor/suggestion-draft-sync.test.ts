import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateSuggestionBody, Suggestion } from '../../shared/suggestions';
import { DRAFT_DEBOUNCE_MS, DraftSync } from '../../client/src/suggestions/draft-sync';
import type { LocalDraft } from '../../client/src/suggestions/suggest-mode';

const anchor = { start: 'AAAA', end: 'AAAA' };
const draft = (key: number, insertText: string, deletedText = ''): LocalDraft => ({ key, insertText, deletedText, anchor, from: 1, to: 1, caret: 'end', serverId: null });

/** A stand-in for the routes that records every call (the real routes have their own API tests). */
function recorder() {
  const calls: string[] = [];
  let n = 0;
  const routes = {
    create: (body: CreateSuggestionBody) => (calls.push(`create ${body.insertText}`), Promise.resolve({ id: `s${++n}` } as Suggestion)),
    update: (id: string, body: CreateSuggestionBody) => (calls.push(`update ${id} ${body.insertText}`), Promise.resolve({ id } as Suggestion)),
    withdraw: (id: string) => (calls.push(`withdraw ${id}`), Promise.resolve(null)),
  };
  const created: string[] = [];
  const sync = new DraftSync(routes, { created: (key, id) => created.push(`${key}:${id}`), saved: () => undefined, failed: (e) => calls.push(`failed ${String(e)}`) });
  return { calls, created, sync };
}

describe('the draft reaches the server as it grows', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('creates on the first keystroke, then sends the latest text once typing pauses', async () => {
    const { calls, created, sync } = recorder();
    sync.update(draft(1, 'G'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['create G']);
    expect(created).toEqual(['1:s1']);
    for (const text of ['Ge', 'Gen', 'Gent']) sync.update(draft(1, text));
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 1);
    expect(calls).toEqual(['create G']);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['create G', 'update s1 Gent']);
  });

  it('a flush (blur, mode switch) sends at once; a new draft flushes the old one', async () => {
    const { calls, sync } = recorder();
    sync.update(draft(1, 'a'));
    await vi.advanceTimersByTimeAsync(0);
    sync.update(draft(1, 'ab'));
    await sync.flush();
    expect(calls).toEqual(['create a', 'update s1 ab']);
    sync.update(draft(1, 'abc'));
    sync.update(draft(2, 'x'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['create a', 'update s1 ab', 'update s1 abc', 'create x']);
  });

  it('a draft taken back entirely is withdrawn; one taken back before it was sent is never sent', async () => {
    const { calls, sync } = recorder();
    sync.update(draft(1, 'a'));
    await vi.advanceTimersByTimeAsync(0);
    sync.update(draft(1, ''));
    await sync.flush();
    expect(calls).toEqual(['create a', 'withdraw s1']);
    sync.update(draft(2, 'b'));
    sync.update(draft(2, ''));
    await sync.flush();
    expect(calls).toEqual(['create a', 'withdraw s1']);
  });
});
