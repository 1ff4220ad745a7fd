import { afterEach, describe, expect, it } from 'vitest';
import { searchIndexFor } from '../../server/search/search-feature';
import type { SearchEntry, SearchFilters } from '../../server/search/search-index';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedMember, seedUser, seedWorkspace } from '../comments/sql-fixtures';

const opened: TestSql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

function entry(documentId: string, over: Partial<SearchEntry> = {}): SearchEntry {
  return {
    key: `doc:${documentId}`,
    type: 'document',
    workspaceId: 'w1',
    documentId,
    threadId: null,
    title: 'Notitie',
    body: '',
    tags: [],
    kind: 'note',
    status: 'draft',
    organizations: ['Stad Gent'],
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...over,
  };
}

const all = (q: Partial<SearchFilters> = {}): SearchFilters => ({ limit: 20, ...q });

/** Ann is in w1 and w2 ("Mechelen", "Gent"); Bob only in w2. */
async function setUp(dialect: (typeof SQL_DIALECTS)[number]) {
  const store = await openTestSql(dialect);
  opened.push(store);
  await seedUser(store.db, 'ann');
  await seedUser(store.db, 'bob');
  await seedWorkspace(store.db, 'w1', 'ann', 'Stadskamer Mechelen');
  await seedWorkspace(store.db, 'w2', 'ann', 'Atelier Gent');
  await seedMember(store.db, 'w2', 'bob');
  return { store, index: searchIndexFor(store) };
}

describe.each(SQL_DIALECTS)('the search index (%s)', (dialect) => {
  it('finds stems and prefixes, ranks a title hit first, and highlights the words found', async () => {
    const { index } = await setUp(dialect);
    await index.replaceDocument('d1', [entry('d1', { body: 'In Antwerpen liep de burgerbegroting drie jaar. Verder niets.' })]);
    await index.replaceDocument('d2', [
      entry('d2', { title: 'Burgerbegroting Mechelen', body: 'Een tekst over beleidsmatige keuzes en ideeën.', updatedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    const hits = await index.search('ann', 'burgerbegrotingen', all());
    expect(hits.map((h) => h.documentId)).toEqual(['d2', 'd1']);
    expect(hits[1]).toMatchObject({ type: 'document', workspaceId: 'w1', workspaceName: 'Stadskamer Mechelen', threadId: null, kind: 'note' });
    expect(hits[1]!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['burgerbegroting']);
    expect((await index.search('ann', 'beleid', all())).map((h) => h.documentId)).toEqual(['d2']);
    expect((await index.search('ann', 'ideeen', all())).map((h) => h.documentId)).toEqual(['d2']);
    // Every word of the query must be found.
    expect((await index.search('ann', 'burgerbegroting antwerpen', all())).map((h) => h.documentId)).toEqual(['d1']);
    expect(await index.search('ann', 'burgerbegroting zeebrugge', all())).toEqual([]);
  });

  it('filters by workspace, kind, status, tag, organisation and dates, and keeps to the caller\'s workspaces', async () => {
    const { index } = await setUp(dialect);
    await index.replaceDocument('d1', [entry('d1', { body: 'wonen', tags: ['Participatie'], kind: 'recommendation', status: 'final', updatedAt: '2026-03-05T23:59:00.000Z' })]);
    await index.replaceDocument('d2', [
      entry('d2', { workspaceId: 'w2', body: 'wonen', organizations: ['Stad Leuven'], updatedAt: '2026-02-01T08:00:00.000Z' }),
      entry('d2', { key: 'thread:t1', type: 'comment', threadId: 't1', workspaceId: 'w2', body: 'Wonen in de stad', organizations: ['Stad Leuven'] }),
    ]);
    const ids = async (user: string, f: Partial<SearchFilters>) => (await index.search(user, 'wonen', all(f))).map((h) => h.threadId ?? h.documentId).sort();
    expect(await ids('ann', {})).toEqual(['d1', 'd2', 't1']);
    expect(await ids('bob', {})).toEqual(['d2', 't1']);
    expect(await ids('nobody', {})).toEqual([]);
    expect(await ids('ann', { workspace: 'w1' })).toEqual(['d1']);
    expect(await ids('bob', { workspace: 'w1' })).toEqual([]);
    expect(await ids('ann', { kind: 'recommendation' })).toEqual(['d1']);
    expect(await ids('ann', { status: 'final' })).toEqual(['d1']);
    expect(await ids('ann', { tag: 'participatie' })).toEqual(['d1']);
    expect(await ids('ann', { tag: 'partic' })).toEqual([]);
    expect(await ids('ann', { organization: 'stad leuven' })).toEqual(['d2', 't1']);
    expect(await ids('ann', { from: '2026-03-01' })).toEqual(['d1', 't1']);
    expect(await ids('ann', { to: '2026-03-05' })).toEqual(['d1', 'd2', 't1']);
    expect(await ids('ann', { to: '2026-03-04' })).toEqual(['d2', 't1']);
    expect(await ids('ann', { from: '2026-02-01', to: '2026-02-01' })).toEqual(['d2']);
    expect(await index.search('ann', 'wonen', all({ limit: 1 }))).toHaveLength(1);
  });

  it('replaces and removes a document\'s entries, lists and dumps what it holds, and clears', async () => {
    const { index } = await setUp(dialect);
    await index.replaceDocument('d1', [entry('d1', { body: 'fietsstraten' }), entry('d1', { key: 'thread:t', type: 'comment', threadId: 't', body: 'parkeren' })]);
    await index.replaceDocument('d2', [entry('d2', { body: 'fietsstraten' })]);
    await index.replaceDocument('d1', [entry('d1', { body: 'schoolstraten' })]);
    expect((await index.search('ann', 'fietsstraat', all())).map((h) => h.documentId)).toEqual(['d2']);
    expect(await index.search('ann', 'parkeren', all())).toEqual([]);
    expect(await index.documentIds()).toEqual(['d1', 'd2']);
    expect(await index.dump()).toEqual([entry('d1', { body: 'schoolstraten' }), entry('d2', { body: 'fietsstraten' })]);
    // Two instances reindexing one document at once: one wins whole, neither fails.
    const versions = ['eerste', 'tweede', 'derde'].map((word) => [entry('d2', { body: word }), entry('d2', { key: 'thread:x', type: 'comment', threadId: 'x', body: word })]);
    await Promise.all(versions.map((v) => index.replaceDocument('d2', v)));
    const kept = (await index.dump()).filter((e) => e.documentId === 'd2').map((e) => e.body);
    expect(kept).toHaveLength(2);
    expect(new Set(kept).size).toBe(1);
    await index.removeDocument('d2');
    expect(await index.search('ann', 'fietsstraat', all())).toEqual([]);
    expect(await index.documentIds()).toEqual(['d1']);
    await index.clear();
    expect(await index.documentIds()).toEqual([]);
    expect(await index.search('ann', 'schoolstraten', all())).toEqual([]);
  });

  it('reads query syntax as words, and indexes huge texts', async () => {
    const { index } = await setUp(dialect);
    await index.replaceDocument('d1', [entry('d1', { body: "OR and NOT: near(a b) 'quoted' & | ! :* wonen" })]);
    for (const q of ['") OR 1=1 --', "'&|!:*", 'near(a', '"', 'NOT wonen', '*']) {
      await expect(index.search('ann', q, all())).resolves.toBeInstanceOf(Array);
    }
    expect((await index.search('ann', 'NOT wonen', all())).map((h) => h.documentId)).toEqual(['d1']);
    // Long and full of distinct words (pasted data): stored whole, searchable by what it says.
    const noise = Array.from({ length: 80_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const long = `${'De wijkbudgetten van Gent. '.repeat(2_000)}${noise} slotwoord`;
    await index.replaceDocument('d2', [entry('d2', { body: long })]);
    expect((await index.search('ann', 'wijkbudget', all())).map((h) => h.documentId)).toEqual(['d2']);
    expect((await index.dump()).find((e) => e.documentId === 'd2')!.body).toHaveLength(long.length);
  });
});
