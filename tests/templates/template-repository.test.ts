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
    const first = (await templates.create({ workspaceId: wid, kind: 'recommendation', name: 'Nota', state, createdBy: owner }, 10))!;
    const second = (await templates.create({ workspaceId: wid, kind: 'note', name: 'Verslag', state: new Uint8Array([0]), createdBy: owner }, 10))!;
    const other = await seedWorkspace(store.a.db, owner);
    await templates.create({ workspaceId: other, kind: 'note', name: 'Elders', state, createdBy: owner }, 10);
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

  it('saves up to the cap and no further, also when both instances save the last places at once', async () => {
    const save = (repo: TemplateRepository, workspaceId: string, name: string) =>
      repo.create({ workspaceId, kind: 'note', name, state: new Uint8Array([0]), createdBy: owner }, 3);
    expect(await save(templates, wid, 'Een')).toMatchObject({ name: 'Een', builtin: false });
    const other = new TemplateRepository(store.b.db);
    const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => save(i % 2 ? other : templates, wid, `Tegelijk ${i}`)));
    expect(raced.filter((t) => t !== undefined)).toHaveLength(2);
    expect(await templates.count(wid)).toBe(3);
    expect(await save(templates, wid, 'Te veel')).toBeUndefined();
    // The cap is per workspace.
    const elsewhere = await seedWorkspace(store.a.db, owner);
    expect(await save(other, elsewhere, 'Elders')).toMatchObject({ name: 'Elders' });
    expect(await templates.count(wid)).toBe(3);
  });
});
