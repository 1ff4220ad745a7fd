import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createDocumentFor, createWorkspace, registerUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { appendParagraph, writeContent } from './fixtures/web-content';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const BIDI = ['\u202E', '\u202D', '\u202A', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E', '\u061C'];

// Every spelling of javascript: that a Markdown renderer or browser would decode into one.
const SCRIPT_LINKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'javascript&#x3a;alert(1)',
  'javascript&#0000058alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'java&Tab;script:alert(1)',
  'java&NewLine;script:alert(1)',
  'javascript&amp;colon;alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data&colon;text/html,x',
];

describe('names with text-direction or invisible characters', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server?.close());

  it('refuses direction controls in every name and title, naming the field', async () => {
    const owner = await registerUser(server.url);
    const workspace = await createWorkspace(server.url, owner.token);
    for (const ch of BIDI) {
      const spoof = `Lotte${ch}nessnaJ`;
      const register = await call(server.url, 'POST', '/api/auth/register', {
        body: { email: `x${Math.random()}@example.be`, password: 'een-lang-wachtwoord', name: spoof, organization: 'Stad Gent' },
      });
      expect(register.status).toBe(422);
      expect(register.body.error).toMatchObject({ code: 'invalid_field', field: 'name' });
      const org = await call(server.url, 'POST', '/api/auth/register', {
        body: { email: `x${Math.random()}@example.be`, password: 'een-lang-wachtwoord', name: 'Lotte', organization: `Stad${ch}` },
      });
      expect(org.body.error?.field).toBe('organization');
      const ws = await call(server.url, 'POST', '/api/workspaces', { token: owner.token, body: { name: spoof } });
      expect(ws.body.error?.field).toBe('name');
      const doc = await call(server.url, 'POST', `/api/workspaces/${workspace.id}/documents`, {
        token: owner.token,
        body: { title: `factuur${ch}fdp.exe`, kind: 'note' },
      });
      expect(doc.status).toBe(422);
      expect(doc.body.error?.field).toBe('title');
    }
  });

  it('removes zero-width characters, so a look-alike name is stored as what it shows', async () => {
    const hidden = await registerUser(server.url, { name: 'Lot\u200Bte\u2060 Jans\uFEFFsens\u200C\u200D', organization: '\u200BStad Gent' });
    expect(hidden.user.name).toBe('Lotte Janssens');
    expect(hidden.user.organization).toBe('Stad Gent');
    const family = await registerUser(server.url, { name: 'Gezin 👨\u200D👩\u200D👧' });
    expect(family.user.name).toBe('Gezin 👨\u200D👩\u200D👧');
    const onlyInvisible = await call(server.url, 'POST', '/api/workspaces', { token: hidden.token, body: { name: '\u200B\u200B' } });
    expect(onlyInvisible.status).toBe(422);
  });
});

describe('link targets in exports, checked after entity decoding', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server?.close());

  it('drops every javascript:, vbscript: and data: spelling from Markdown and HTML, keeps honest links', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    await writeContent(server.url.replace('http', 'ws') + '/sync', token, documentId, (doc) => {
      SCRIPT_LINKS.forEach((href, i) => appendParagraph(doc, `kwaad ${i}`, href));
      appendParagraph(doc, 'goed', 'https://vlaamsesteden.be/?a=1&b=2');
    });
    const md = await call(server.url, 'GET', `/api/documents/${documentId}/export?format=markdown`, { token });
    const html = await call(server.url, 'GET', `/api/documents/${documentId}/export?format=html`, { token });
    expect(md.status).toBe(200);
    expect(html.status).toBe(200);
    for (const i of SCRIPT_LINKS.keys()) {
      expect(md.body).toContain(`kwaad ${i}`);
      expect(html.body).toContain(`kwaad ${i}`);
    }
    expect(md.body.match(/\]\(/g)?.length).toBe(1);
    expect(md.body).toContain('[goed](https://vlaamsesteden.be/?a=1\\&b=2)');
    expect(html.body).not.toMatch(/script:|data:|&colon;|&#/i);
    expect(html.body.match(/<a /g)?.length).toBe(1);
  });
});
