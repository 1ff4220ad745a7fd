import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { startThread } from '../comments/fixtures';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const dbCopy = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], { cwd: ROOT });

const started: ChildServer[] = [];
const databases: TestDatabase[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.process.kill('SIGKILL');
});
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function child(env: Record<string, string>): Promise<ChildServer> {
  const s = await startChildServer(env);
  started.push(s);
  return s;
}

// Two servers and the CLI (through tsx) per test: generous on a busy machine.
describe('npm run db:copy', { timeout: 120_000 }, () => {
  it('moves every document from SQLite to PostgreSQL, verified, and the server serves them unchanged', async () => {
    const dataDir = tempDataDir();
    const before = await child({ DATA_DIR: dataDir, DATABASE_URL: '', COMPACT_AFTER_UPDATES: '100' });
    const owner = await createDocumentFor(before.url, { title: 'Aanbeveling' });
    const email = (await call(before.url, 'GET', '/api/me', { token: owner.token })).body.user.email as string;
    const second = await createDocumentFor(before.url, { title: 'Notitie' });
    const a = connectClient(before.wsUrl, owner.documentId, { token: owner.token });
    const b = connectClient(before.wsUrl, second.documentId, { token: second.token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    // Enough edits on the first to be compacted once, some after: both kinds of rows move.
    for (let i = 0; i < 150; i++) a.doc.getText('t').insert(a.doc.getText('t').length, `${i} `);
    b.doc.getXmlFragment('default').insert(0, [new Y.XmlText('Steden werken samen.')]);
    const expectedA = a.doc.getText('t').toString();
    const expectedB = b.doc.getXmlFragment('default').toString();
    const thread = await startThread(before.url, owner.documentId, owner.token, 'Klopt dit cijfer?');
    const observer = connectClient(before.wsUrl, owner.documentId, { token: owner.token });
    await waitFor(() => observer.doc.getText('t').toString() === expectedA, 10_000, 'every edit stored');
    destroyAll(a.provider, b.provider, observer.provider);
    before.process.kill('SIGTERM');
    await before.exited;

    const database = await createTestDatabase();
    databases.push(database);
    const { stdout } = await dbCopy('--from', `sqlite:${dataDir}`, '--to', database.url);
    expect(stdout).toMatch(/Copied and verified 2 documents/);

    expect(stdout).toMatch(/users: 2 rows/);

    // A new host: an empty data directory, everything from PostgreSQL.
    const after = await child({ DATA_DIR: tempDataDir(), DATABASE_URL: database.url });
    const login = await call(after.url, 'POST', '/api/auth/login', { body: { email, password: 'een-lang-wachtwoord' } });
    expect(login.status).toBe(200);
    const ra = connectClient(after.wsUrl, owner.documentId, { token: login.body.token });
    const rb = connectClient(after.wsUrl, second.documentId, { token: second.token });
    await Promise.all([synced(ra.provider), synced(rb.provider)]);
    expect(ra.doc.getText('t').toString()).toBe(expectedA);
    expect(rb.doc.getXmlFragment('default').toString()).toBe(expectedB);
    destroyAll(ra.provider, rb.provider);
    const threads = await call(after.url, 'GET', `/api/documents/${owner.documentId}/comments`, { token: login.body.token });
    expect(threads.body.threads.map((t: { id: string; body: string }) => [t.id, t.body])).toEqual([[thread.id, 'Klopt dit cijfer?']]);

    // A second copy into the same database would double nothing: it is refused.
    const again = await dbCopy('--from', `sqlite:${dataDir}`, '--to', database.url).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/already holds (rows|content)/);
  });
});
