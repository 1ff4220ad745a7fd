import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlImageStore } from '../../server/images/image-store';
import { SQL_DIALECTS } from '../helpers/sql';
import { openSeeded, type SqlInstances } from '../helpers/sql-stores';

describe.each(SQL_DIALECTS)('images in the relational store (%s)', (dialect) => {
  let store: SqlInstances;
  let owner: string;
  let wid: string;

  beforeEach(async () => {
    ({ store, owner, wid } = await openSeeded(dialect));
  });
  afterEach(() => store.dispose());

  it('stores bytes as bytes and hands them back whole, to any instance', async () => {
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const image = { id: 'img1', workspaceId: wid, documentId: 'd1', contentType: 'image/png' as const, width: 640, height: 480, bytes, createdBy: owner, createdAt: new Date().toISOString() };
    await new SqlImageStore(store.a.db).put(image);
    const back = await new SqlImageStore(store.b.db).get('img1');
    expect(back).toEqual(image);
    expect(Buffer.isBuffer(back!.bytes)).toBe(true);
  });

  it('answers null for an unknown id and refuses a second image with the same id', async () => {
    const images = new SqlImageStore(store.a.db);
    expect(await images.get('unknown')).toBeNull();
    const image = { id: 'img2', workspaceId: wid, documentId: 'd1', contentType: 'image/gif' as const, width: 1, height: 1, bytes: Buffer.from([0x47, 0x49, 0x46]), createdBy: owner, createdAt: new Date().toISOString() };
    await images.put(image);
    await expect(images.put({ ...image, bytes: Buffer.from([0]) })).rejects.toThrow();
    expect((await images.get('img2'))!.bytes).toEqual(image.bytes);
  });
});
