import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemplateRepository } from '../../server/templates/template-repository';
import { SQL_DIALECTS } from '../helpers/sql';
import { openSeeded, seedWorkspace, type SqlInstances } from '../helpers/sql-stores';

describe.each(SQL_DIALECTS)('saved templates in the relational store (%s)', (dialect) => {
  let store: SqlInstances;
  let templates: TemplateRepository;
  let owner: string;
  let wid: string;

  beforeEach(async () => {
    ({ store, owner, wid } = await openSeeded(dialect));
    templates = new TemplateRepository(store.a.db);
  });
  afterEach(() => store.dispose());

  it('keeps the Yjs state byte for byte, lists oldest first, counts and deletes per workspace', async () => {
    // Every byte value, and zeros: BYTEA and BLOB must not treat them as text.
    const state = new Uint8Array(512).map((_, i) => i % 256);
    const first = await templates.create({ workspaceId: wid, kind: 'recommendation', name: 'Nota', state, createdBy: owner });
    const second = await templates.create({ workspaceId: wid, kind: 'note', name: 'Verslag', state: new Uint8Array([0]), createdBy: owner });
    const other = await seedWorkspace(store.a.db, owner);
    await templates.create({ workspaceId: other, kind: 'note', name: 'Elders', state, createdBy: owner });
    expect(await templates.state(first.id)).toEqual(state);
    const listed = await templates.list(wid);
    expect(new Set(listed.map((t) => t.id))).toEqual(new Set([first.id, second.id]));
    expect(listed.map((t) => t.createdAt)).toEqual([first.createdAt, second.createdAt]);
    expect(await templates.count(wid)).toBe(2);
    expect(await templates.find(second.id)).toEqual({ id: second.id, workspaceId: wid, kind: 'note', name: 'Verslag' });
    await templates.delete(second.id);
    expect(await templates.find(second.id)).toBeUndefined();
    expect(await templates.state(second.id)).toBeUndefined();
    expect(await templates.count(wid)).toBe(1);
    expect(await templates.count(other)).toBe(1);
  });
});
