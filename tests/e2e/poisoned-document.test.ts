import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_CONTENT_DEPTH, depthBelow, plainTextBlocks } from '../../client/src/editor/content-depth';
import { createDocument, createWorkspace, registerUser } from '../helpers/api';
import { startTestServer, tempDataDir } from '../helpers/server';
import { poisonedDocumentUpdate } from '../editor/poisoned-doc';
import { startAppServer, type AppServer } from './helpers/app-server';
import { launchBrowser, newPage, screenshotsOnFailure } from './helpers/browser';
import { signIn } from './helpers/sign-in';

const DEPTH = 5_000;
const SECRET = 'Tekst die diep verstopt zit';

let app: AppServer | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Everything stored for the document, merged, as a fresh Y.Doc. */
function storedDocument(dataDir: string, documentId: string): Y.Doc {
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(documentId) as { data: Buffer }[];
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.data));
    return doc;
  } finally {
    db.close();
  }
}

describe('a document poisoned with content nested 5,000 deep', { timeout: 120_000 }, () => {
  it('opens read-only with its text and a clear message; typing never replaces the stored content', async () => {
    // The document is made through the API, then its content planted straight into the
    // store while no server runs (the socket refuses content this deep).
    const dataDir = tempDataDir();
    const first = await startTestServer({ DATA_DIR: dataDir });
    const owner = await registerUser(first.url, { name: 'Ines Wouters', organization: 'Stad Genk' });
    const ws = await createWorkspace(first.url, owner.token);
    const doc = await createDocument(first.url, owner.token, ws.id, { title: 'Vergiftigd' });
    await first.close();
    const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'));
    db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run(doc.id, Buffer.from(poisonedDocumentUpdate(DEPTH, SECRET)));
    db.close();

    app = await startAppServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    const { page } = await newPage(browser);
    screenshotsOnFailure('poisoned', () => [page]);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, app.baseUrl, owner.email, owner.password);
    await page.goto(`${app.baseUrl}/d/${doc.id}`);

    await page.getByTestId('too-deep').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Dit document kan niet getoond worden in de editor' }).count()).toBe(1);
    expect(await page.getByTestId('too-deep').innerText()).toContain(SECRET);
    // No editor to type into; keys pressed on the page change nothing.
    expect(await page.getByTestId('editor').count()).toBe(0);
    await page.getByTestId('too-deep').click();
    await page.keyboard.type('Dit mag niets overschrijven.');
    await page.keyboard.press('Enter');

    await app.close();
    app = undefined;
    const stored = storedDocument(dataDir, doc.id);
    const fragment = stored.getXmlFragment('default');
    expect(depthBelow(fragment)).toBeGreaterThan(MAX_CONTENT_DEPTH);
    expect(plainTextBlocks(fragment)).toEqual([SECRET]);
    expect(pageErrors.filter((m) => /Maximum call stack/.test(m))).toEqual([]);
  });
});
