/**
 * Where uploaded images live: the `images` table of the relational store, so with
 * DATABASE_URL in PostgreSQL (BYTEA) and otherwise in the embedded SQLite file (BLOB).
 * Async so that another store (object storage) can stand in.
 */
import type { Db } from '../storage/sql/open-sql';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface StoredImage {
  id: string;
  workspaceId: string;
  documentId: string;
  contentType: ImageType;
  width: number;
  height: number;
  bytes: Buffer;
  createdBy: string;
  createdAt: string;
}

export interface ImageStore {
  put(image: StoredImage): Promise<void>;
  get(id: string): Promise<StoredImage | null>;
}

export class SqlImageStore implements ImageStore {
  constructor(private readonly db: Db) {}

  async put(image: StoredImage): Promise<void> {
    await this.db
      .insertInto('images')
      .values({
        id: image.id,
        workspace_id: image.workspaceId,
        document_id: image.documentId,
        content_type: image.contentType,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        created_by: image.createdBy,
        created_at: image.createdAt,
      })
      .execute();
  }

  async get(id: string): Promise<StoredImage | null> {
    const row = await this.db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      documentId: row.document_id,
      contentType: row.content_type as ImageType,
      width: row.width,
      height: row.height,
      bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength),
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }
}
