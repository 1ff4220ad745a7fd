import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const backupCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } });

const started: ChildServer[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.process.kill('SIGKILL');
});

async function child(dataDir: string): Promise<ChildServer> {
  const s = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
  started.push(s);
  return s;
}

// Two servers and the CLI (through tsx) per test: generous on a busy machine.
describe('npm run backup', { timeout: 120_000 }, () => {
  it('copies a running server consistently; the restored copy serves the content and the accounts', async () => {
    const live = tempDataDir();
    const server = await child(live);
    const owner = await createDocumentFor(server.url);
    const email = (await call(server.url, 'GET', '/api/me', { token: owner.token })).body.user.email as string;
    const writer = connectClient(server.wsUrl, owner.documentId, { token: owner.token });
    const observer = connectClient(server.wsUrl, owner.documentId, { token: owner.token });
    await Promise.all([synced(writer.provider), synced(observer.provider)]);
    const items = writer.doc.getArray<number>('items');
    let n = 0;
    const storm = setInterval(() => items.push([n++]), 2);
    await waitFor(() => observer.doc.getArray('items').length > 200, 10_000, 'relayed edits');

    // The observer saw these only after they were committed: the backup must hold them.
    const seenBefore = observer.doc.getArray<number>('items').toArray();
    const file = path.join(tempDataDir(), 'backup.db');
    const { stdout } = await backupCli('--data-dir', live, '--to', file);
    expect(stdout).toContain('Backed up');
    clearInterval(storm);
    destroyAll(writer.provider, observer.provider);

    const restored = tempDataDir();
    await backupCli('--restore', file, '--data-dir', restored);
    const copy = await child(restored);
    const login = await call(copy.url, 'POST', '/api/auth/login', { body: { email, password: 'een-lang-wachtwoord' } });
    expect(login.status).toBe(200);
    const reader = connectClient(copy.wsUrl, owner.documentId, { token: login.body.token });
    await synced(reader.provider);
    const stored = reader.doc.getArray<number>('items').toArray();
    expect(seenBefore.filter((v) => !stored.includes(v))).toEqual([]);
    // One committed state: a prefix of what was typed, nothing torn or invented.
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i));
    destroyAll(reader.provider);
  });

  it('refuses to restore a damaged file and keeps an existing database aside when restoring', async () => {
    const dir = tempDataDir();
    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, 'dit is geen databank');
    const refused = await backupCli('--restore', damaged, '--data-dir', tempDataDir()).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(refused?.code).toBe(1);

    const live = tempDataDir();
    const server = await child(live);
    await createDocumentFor(server.url);
    const file = path.join(dir, 'good.db');
    await backupCli('--data-dir', live, '--to', file);
    server.process.kill('SIGTERM');
    await server.exited;
    const { stdout } = await backupCli('--restore', file, '--data-dir', live);
    expect(stdout).toContain('kept as');
    expect(fs.readdirSync(live).some((f) => f.includes('.before-restore-'))).toBe(true);
  });
});
