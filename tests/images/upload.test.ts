/**
 * Image uploads through the real API: only PNG/JPEG/GIF/WebP recognised by their bytes,
 * re-encoded and scaled, served to members only with a sniffed type and nosniff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocumentFor, registerUser } from '../helpers/api';
import { imageAs, pngImage, uploadImage } from '../helpers/images';
import { MAX_IMAGE_WIDTH } from '../../server/images/process';

let server: RunningServer;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createDocumentFor(server.url, { title: 'Wonen in Leuven' });
});
afterAll(() => server.close());

async function fetchImage(url: string, token?: string) {
  return fetch(server.url + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe('POST /api/documents/:did/images', () => {
  it.each(['png', 'jpeg', 'gif', 'webp'] as const)('stores a %s and serves it with its sniffed type', async (format) => {
    const res = await uploadImage(server.url, owner.token, owner.documentId, await imageAs(format), `bestand.${format}`);
    expect(res.status).toBe(201);
    expect(res.body.image.url).toMatch(/^\/api\/images\/[\w-]+$/);
    const got = await fetchImage(res.body.image.url, owner.token);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(`image/${format}`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toContain('private');
    const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
    expect(meta.format).toBe(format);
  });

  it('scales a wide image down and drops bytes appended after the image', async () => {
    const wide = await pngImage(MAX_IMAGE_WIDTH * 2, 100);
    const polyglot = Buffer.concat([wide, Buffer.from('<html><script>alert(1)</script></html>')]);
    const res = await uploadImage(server.url, owner.token, owner.documentId, polyglot);
    expect(res.status).toBe(201);
    expect(res.body.image.width).toBe(MAX_IMAGE_WIDTH);
    const stored = Buffer.from(await (await fetchImage(res.body.image.url, owner.token)).arrayBuffer());
    expect(stored.includes(Buffer.from('<script>'))).toBe(false);
    expect((await sharp(stored).metadata()).width).toBe(MAX_IMAGE_WIDTH);
  });

  it('refuses SVG, HTML named .png and a GIF header over script, by their bytes', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const gifScript = Buffer.from('GIF89a/*\x00\x00*/=alert(1);//<script>alert(1)</script>');
    for (const [bytes, name, type] of [
      [svg, 'kaart.svg', 'image/svg+xml'],
      [html, 'foto.png', 'image/png'],
      [gifScript, 'anim.gif', 'image/gif'],
    ] as const) {
      const res = await uploadImage(server.url, owner.token, owner.documentId, bytes, name, type);
      expect(res.status, name).toBe(415);
      expect(res.body.error.code).toBe('unsupported_image');
    }
  });

  it('refuses a file over 10 MB with 413, and a body without the file field with 422', async () => {
    const big = Buffer.concat([await pngImage(), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await uploadImage(server.url, owner.token, owner.documentId, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const form = new FormData();
    form.append('other', 'x');
    const missing = await fetch(`${server.url}/api/documents/${owner.documentId}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}` },
      body: form,
    });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.field).toBe('file');
  });

  it('lets editors upload, refuses viewers (403), outsiders (404) and anonymous callers (401)', async () => {
    const png = await pngImage();
    const editor = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    const participant = await addMember(server.url, owner.token, owner.workspaceId, 'participant');
    const outsider = await registerUser(server.url);
    expect((await uploadImage(server.url, editor.token, owner.documentId, png)).status).toBe(201);
    expect((await uploadImage(server.url, viewer.token, owner.documentId, png)).status).toBe(403);
    expect((await uploadImage(server.url, participant.token, owner.documentId, png)).status).toBe(403);
    expect((await uploadImage(server.url, outsider.token, owner.documentId, png)).status).toBe(404);
    expect((await uploadImage(server.url, undefined, owner.documentId, png)).status).toBe(401);
  });
});

describe('GET /api/images/:id', () => {
  it('serves members only: outsiders and unknown ids get the same 404', async () => {
    const res = await uploadImage(server.url, owner.token, owner.documentId, await pngImage());
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    const outsider = await registerUser(server.url);
    expect((await fetchImage(res.body.image.url, viewer.token)).status).toBe(200);
    const foreign = await fetchImage(res.body.image.url, outsider.token);
    expect(foreign.status).toBe(404);
    const unknown = await call(server.url, 'GET', '/api/images/does-not-exist', { token: outsider.token });
    expect(unknown.status).toBe(404);
    expect(await foreign.json()).toEqual(unknown.body);
    expect((await fetchImage(res.body.image.url)).status).toBe(401);
  });
});
