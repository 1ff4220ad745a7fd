import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type ApiAnswer, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';

/**
 * Whatever a client sends, the answer is a 4xx in the contract's error shape, never a 500,
 * and nothing of a refused request is stored.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: TestUser;
let editor: TestUser;
let workspaceId: string;
let documentId: string;

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  token: () => string | undefined;
  /** A body the endpoint accepts, and which of its fields are required. */
  valid: () => Record<string, unknown>;
  required: string[];
}

const uniqueEmail = () => `h-${Math.random().toString(36).slice(2)}@example.be`;

const ENDPOINTS: Endpoint[] = [
  {
    name: 'register',
    method: 'POST',
    path: () => '/api/auth/register',
    token: () => undefined,
    valid: () => ({ email: uniqueEmail(), password: 'een-lang-wachtwoord', name: 'Naam', organization: 'Stad Genk' }),
    required: ['email', 'password', 'name', 'organization'],
  },
  {
    name: 'login',
    method: 'POST',
    path: () => '/api/auth/login',
    token: () => undefined,
    valid: () => ({ email: owner.email, password: owner.password }),
    required: ['email', 'password'],
  },
  {
    name: 'create workspace',
    method: 'POST',
    path: () => '/api/workspaces',
    token: () => owner.token,
    valid: () => ({ name: 'Atelier', description: 'Over kerken' }),
    required: ['name'],
  },
  {
    name: 'create invite',
    method: 'POST',
    path: () => `/api/workspaces/${workspaceId}/invites`,
    token: () => owner.token,
    valid: () => ({ role: 'viewer', expiresInHours: 24 }),
    required: ['role'],
  },
  {
    name: 'change role',
    method: 'PATCH',
    path: () => `/api/workspaces/${workspaceId}/members/${editor.user.id}`,
    token: () => owner.token,
    valid: () => ({ role: 'editor' }),
    required: ['role'],
  },
  {
    name: 'create document',
    method: 'POST',
    path: () => `/api/workspaces/${workspaceId}/documents`,
    token: () => owner.token,
    valid: () => ({ title: 'Titel', kind: 'note', tags: ['a'] }),
    required: ['title', 'kind'],
  },
  {
    name: 'patch document',
    method: 'PATCH',
    path: () => `/api/documents/${documentId}`,
    token: () => owner.token,
    valid: () => ({ title: 'Titel', tags: ['b'], status: 'draft' }),
    required: [],
  },
];

/** Values of the wrong type (or out of range) for a field whose valid value is `valid`. */
function wrongValues(valid: unknown): unknown[] {
  if (typeof valid === 'number') return ['24', true, null, [], {}, -1, 0, 1e308];
  if (Array.isArray(valid)) return [123, 'a', true, null, {}, [1], [null], [['x']], [{}], ['']];
  return [123, -1.5, true, null, [], ['x'], {}, { $gt: '' }];
}
const MALFORMED_JSON = ['', '{', '{"a":', 'nul', "{'a':1}", '{"a":1,}', '\u0000', '{"a":1}{"b":2}', '\uFEFF{}x'];
const NOT_OBJECTS = ['[]', '"tekst"', '42', 'null', 'true', '[{"title":"x"}]'];
const MB = 'x'.repeat(1024 * 1024);

function expectError(res: ApiAnswer, what: string): void {
  expect(res.status, `${what} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(typeof res.body?.error?.code, what).toBe('string');
  expect(res.body.error.code, what).toMatch(/^[a-z_]+$/);
  expect(typeof res.body.error.message, what).toBe('string');
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await registerUser(server.url, { name: 'Eigenaar' });
  const ws = await createWorkspace(server.url, owner.token);
  workspaceId = ws.id;
  editor = await addMember(server.url, owner.token, ws.id, 'editor');
  documentId = (await createDocument(server.url, owner.token, ws.id)).id;
});
afterAll(() => server.close());

describe.each(ENDPOINTS)('$name', (ep) => {
  const send = (opts: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) =>
    call(server.url, ep.method, ep.path(), { token: ep.token(), ...opts });

  it('accepts its valid body (the baseline the other cases break)', async () => {
    const res = await send({ body: ep.valid() });
    expect(res.status).toBeLessThan(300);
  });

  it('answers 400 malformed_json for text that is not JSON', async () => {
    for (const rawBody of MALFORMED_JSON) {
      const res = await send({ rawBody });
      expectError(res, JSON.stringify(rawBody));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('malformed_json');
    }
  });

  it('answers 422 for JSON that is not an object', async () => {
    for (const rawBody of NOT_OBJECTS) {
      const res = await send({ rawBody });
      expectError(res, rawBody);
      expect(res.status).toBe(422);
    }
  });

  it('answers 422 naming the field for every wrong type of every field', async () => {
    for (const [field, valid] of Object.entries(ep.valid())) {
      for (const value of wrongValues(valid)) {
        const body = { ...ep.valid(), [field]: value };
        const res = await send({ body });
        const what = `${field}=${JSON.stringify(value)}`;
        expectError(res, what);
        expect(res.status, what).toBe(422);
        expect(res.body.error.field, what).toMatch(new RegExp(`^${field}(\\.|$)`));
      }
    }
  });

  it('answers 422 naming each missing required field', async () => {
    for (const field of ep.required) {
      const body: Record<string, unknown> = ep.valid();
      delete body[field];
      const res = await send({ body });
      expectError(res, `without ${field}`);
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('answers 413 for a 1 MB string in any field, with or without Content-Length', async () => {
    for (const field of Object.keys(ep.valid())) {
      const res = await send({ body: { ...ep.valid(), [field]: MB } });
      expectError(res, `${field} of 1 MB`);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
    }
    const chunked = await fetch(server.url + ep.path(), {
      method: ep.method,
      headers: { authorization: `Bearer ${ep.token() ?? 'none'}`, 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ ...ep.valid(), [ep.required[0] ?? 'title']: MB })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('payload_too_large');
  });

  it('refuses strings with unpaired surrogates or control characters, and long-but-not-huge strings', async () => {
    const stringFields = Object.entries(ep.valid()).filter(([, v]) => typeof v === 'string').map(([k]) => k);
    for (const field of stringFields) {
      // Sent as raw JSON escapes: JSON.stringify would not produce a lone surrogate escape on its own.
      for (const raw of ['"\\ud800abc"', '"abc\\udfff"', '"a\\u0000b"', '"a\\u001bb"', JSON.stringify('y'.repeat(20_000))]) {
        const body = JSON.stringify({ ...ep.valid(), [field]: '__X__' }).replace('"__X__"', raw);
        const res = await send({ rawBody: body });
        expectError(res, `${field}=${raw.slice(0, 20)}`);
        // Passwords are opaque: only their length is checked, and login answers 401 for a wrong one.
        if (field !== 'password') expect(res.status, `${field}=${raw.slice(0, 20)}`).toBe(422);
      }
    }
  });

  it('survives deep nesting, prototype keys and invalid UTF-8', async () => {
    for (const rawBody of [
      '['.repeat(20_000) + ']'.repeat(20_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
      `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}`,
    ]) {
      const res = await send({ rawBody });
      expectError(res, rawBody.slice(0, 30));
    }
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const res = await fetch(server.url + ep.path(), {
      method: ep.method,
      headers: { authorization: `Bearer ${ep.token() ?? 'none'}`, 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBeLessThan(500);
  });
});

describe('path and query parameters', () => {
  const ids = ['x'.repeat(5000), '%00', '..%2F..%2Fetc', '%F0%9F%92%A9', "'; DROP TABLE users; --", '%ZZ', '%ED%A0%80'];

  it('answers 404 (or 401) for odd ids in every path, never 500', async () => {
    for (const id of ids) {
      for (const [method, path] of [
        ['GET', `/api/workspaces/${id}`],
        ['POST', `/api/workspaces/${id}/invites`],
        ['PATCH', `/api/workspaces/${id}/members/${id}`],
        ['DELETE', `/api/workspaces/${workspaceId}/members/${id}`],
        ['POST', `/api/invites/${id}/accept`],
        ['POST', `/api/workspaces/${id}/documents`],
        ['GET', `/api/workspaces/${id}/documents`],
        ['GET', `/api/documents/${id}`],
        ['PATCH', `/api/documents/${id}`],
        ['GET', `/api/documents/${id}/export`],
      ] as const) {
        const res = await call(server.url, method, path, { token: owner.token, body: method === 'GET' || method === 'DELETE' ? undefined : { role: 'viewer', title: 'x', kind: 'note' } });
        expectError(res, `${method} ${path.slice(0, 60)}`);
        expect(res.status, `${method} ${path.slice(0, 60)}`).toBe(404);
      }
    }
  });

  it('answers 422 for odd query values', async () => {
    for (const query of ['kind=', 'kind=%00', `kind=${'n'.repeat(10_000)}`, 'kind=note&kind=board&kind[]=x']) {
      const res = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/documents?${query}`, { token: owner.token });
      if (query.startsWith('kind=note')) expect(res.status).toBe(200);
      else expectError(res, query.slice(0, 30));
    }
    for (const query of ['format=', 'format=odt', 'format=%F0%9F%92%A9', `format=${'m'.repeat(10_000)}`]) {
      const res = await call(server.url, 'GET', `/api/documents/${documentId}/export?${query}`, { token: owner.token });
      expectError(res, query.slice(0, 30));
      expect(res.status).toBe(422);
    }
  });

  it('ignores garbage bodies where none is expected', async () => {
    const extra = await registerUser(server.url);
    const res = await call(server.url, 'POST', '/api/auth/logout', { token: extra.token, rawBody: '{{{{' });
    expect(res.status).toBe(204);
    const accept = await call(server.url, 'POST', '/api/invites/unknown/accept', { token: owner.token, rawBody: '\u0000[' });
    expect(accept.status).toBe(404);
    const remove = await call(server.url, 'DELETE', `/api/workspaces/${workspaceId}/members/nobody`, { token: owner.token, rawBody: '[' });
    expect(remove.status).toBe(404);
  });
});

describe('odd but valid unicode', () => {
  it('stores names and titles with emoji, RTL script and combining marks as sent (NFC)', async () => {
    // Zero-width characters are removed and direction overrides refused (tests/hostile/web-input.test.ts).
    const odd = ['Sint-Niklaas 🏙️', 'مدينة غنت', 'Ge\u0301nk', 'Ω≈ç√∫', '𝕳𝖆𝖘𝖘𝖊𝖑𝖙'];
    for (const title of odd) {
      const res = await call(server.url, 'POST', `/api/workspaces/${workspaceId}/documents`, {
        token: owner.token,
        body: { title, kind: 'note', tags: [title] },
      });
      expect(res.status, title).toBe(201);
      const read = await call(server.url, 'GET', `/api/documents/${res.body.document.id}`, { token: owner.token });
      expect(read.body.document.title).toBe(title.normalize('NFC'));
      expect(read.body.document.tags).toEqual([title.normalize('NFC')]);
    }
  });

  it('refuses names that are only whitespace', async () => {
    const res = await call(server.url, 'POST', '/api/workspaces', { token: owner.token, body: { name: ' \t\u3000 ' } });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('name');
  });
});
