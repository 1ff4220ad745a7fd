/**
 * Where uploaded images live. Async so that a shared store (PostgreSQL, object storage)
 * can implement it later; the SQLite one keeps the bytes in a BLOB table.
 */
import type { Database } from '../storage/db';

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

interface Row {
  id: string;
  workspace_id: string;
  document_id: string;
  content_type: ImageType;
  width: number;
  height: number;
  bytes: Buffer;
  created_by: string;
  created_at: string;
}

export class SqliteImageStore implements ImageStore {
  constructor(private readonly db: Database) {}

  async put(image: StoredImage): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO images (id, workspace_id, document_id, content_type, width, height, bytes, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(image.id, image.workspaceId, image.documentId, image.contentType, image.width, image.height, image.bytes, image.createdBy, image.createdAt);
  }

  async get(id: string): Promise<StoredImage | null> {
    const row = this.db.prepare('SELECT * FROM images WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      documentId: row.document_id,
      contentType: row.content_type,
      width: row.width,
      height: row.height,
      bytes: row.bytes,
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }
}
