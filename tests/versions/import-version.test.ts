/**
 * "Versie voor/na elke import" (issue 14): an import only ever creates a new document, so
 * its imported content is kept as the document's first version (reason `import`) right
 * after the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { contentOf } from './helpers';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;

beforeAll(async () => {
  server = await startTestServer({ VERSION_QUIET_MS: String(3600_000) });
  owner = await createDocumentFor(server.url, { title: 'Bestaand' });
});
afterAll(() => server?.close());

async function importWord(bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'Nota mobiliteit.docx');
  form.append('kind', 'note');
  const res = await fetch(`${server.url}/api/workspaces/${owner.workspaceId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form });
  return { status: res.status, body: await res.json() };
}

describe('a version right after every import', () => {
  it("keeps the imported content as the new document's first version, by the importer", async () => {
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'Geïmporteerde', bold: true }), new TextRun(' tekst uit Word.')] })] }] }));
    const imported = await importWord(word);
    expect(imported.status).toBe(201);
    const did = imported.body.document.id as string;

    const list = await call(server.url, 'GET', `/api/documents/${did}/versions`, { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.versions).toHaveLength(1);
    const [first] = list.body.versions;
    expect(first).toMatchObject({ reason: 'import', name: null, createdBy: { id: owner.userId } });

    const version = await call(server.url, 'GET', `/api/versions/${first.id}`, { token: owner.token });
    const client = connectClient(server.url.replace('http', 'ws') + '/sync', did, { token: owner.token });
    await synced(client.provider);
    expect(version.body.content).toEqual(contentOf(client.doc));
    expect(JSON.stringify(version.body.content)).toContain('tekst uit Word.');
    destroyAll(client.provider);
  });

});
