/**
 * A graceful stop keeps the versions whose quiet period was still running: edit, stop the
 * server well before the quiet period ends, start it again on the same data, and the
 * version is there with the edited content.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { call, createDocumentFor } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer, tempDataDir } from '../helpers/server';
import { addParagraph, contentOf } from './helpers';

const dataDir = tempDataDir();
// An hour of quiet: nothing but the stop itself can make the version during the test.
const env = { DATA_DIR: dataDir, VERSION_QUIET_MS: String(3600_000), VERSION_MAX_WAIT_MS: String(7200_000) };
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('quiet-period versions at shutdown', () => {
  it('saves the pending version on a graceful stop, so it is there after a restart', async () => {
    server = await startTestServer(env);
    const owner = await createDocumentFor(server.url, { title: 'Nota' });
    const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, owner.documentId, { token: owner.token });
    await synced(c.provider);
    addParagraph(c.doc, 'Geschreven vlak voor het afsluiten.');
    await settled(c.provider);
    const edited = contentOf(c.doc);
    destroyAll(c.provider);
    const list = () => call(server!.url, 'GET', `/api/documents/${owner.documentId}/versions`, { token: owner.token });
    expect((await list()).body.versions).toEqual([]);

    await server.close();
    server = await startTestServer(env);

    const versions = (await list()).body.versions;
    expect(versions.map((v: { reason: string; name: string | null }) => [v.reason, v.name])).toEqual([['edit', null]]);
    const version = await call(server.url, 'GET', `/api/versions/${versions[0].id}`, { token: owner.token });
    expect(version.body.content).toEqual(edited);
  });
});
