/**
 * With DATABASE_URL, images live in PostgreSQL: an instance with a data directory of its
 * own serves an image another instance stored, and the SQLite file holds none of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createDocumentFor, registerUser } from '../helpers/api';
import { pngImage, uploadImage } from '../helpers/images';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { startTestServer } from '../helpers/server';

let database: TestDatabase;
let first: Awaited<ReturnType<typeof startTestServer>>;
let second: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await createTestDatabase();
  // Two instances as on two hosts: separate data directories, one database.
  first = await startTestServer({ DATABASE_URL: database.url });
  second = await startTestServer({ DATABASE_URL: database.url });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
});

const getImage = (baseUrl: string, url: string, token: string) => fetch(baseUrl + url, { headers: { authorization: `Bearer ${token}` } });

describe('images on PostgreSQL', () => {
  it('an image uploaded through one instance is served whole by another, and is stored in PostgreSQL only', async () => {
    const owner = await createDocumentFor(first.url, { title: 'Pleinen in Gent' });
    const bytes = await pngImage(120, 60);
    const up = await uploadImage(first.url, owner.token, owner.documentId, bytes);
    expect(up.status).toBe(201);
    const id = (up.body.image.url as string).split('/').pop()!;

    for (const instance of [first, second]) {
      const got = await getImage(instance.url, up.body.image.url, owner.token);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer())).toEqual(await stored(id));
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ document_id: string; n: number }>('SELECT document_id, length(bytes) AS n FROM images WHERE id = $1', [id]);
      expect(rows).toEqual([{ document_id: owner.documentId, n: expect.any(Number) }]);
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    // Neither instance keeps anything on its own disk: the SQLite file is never even made.
    for (const dir of [first.dataDir, second.dataDir]) expect(fs.existsSync(path.join(dir, 'stadskamer.db'))).toBe(false);
  });

  it('serves nobody outside the workspace, on either instance, and 404s unknown ids alike', async () => {
    const owner = await createDocumentFor(first.url);
    const up = await uploadImage(first.url, owner.token, owner.documentId, await pngImage());
    expect(up.status).toBe(201);
    const outsider = await registerUser(second.url);
    for (const instance of [first, second]) {
      const foreign = await call(instance.url, 'GET', up.body.image.url, { token: outsider.token });
      const unknown = await call(instance.url, 'GET', '/api/images/doesNotExist123', { token: outsider.token });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(unknown.body);
    }
  });
});

/** The bytes as PostgreSQL holds them. */
async function stored(id: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: Buffer }>('SELECT bytes FROM images WHERE id = $1', [id]);
    return rows[0]!.bytes;
  } finally {
    await client.end();
  }
}
