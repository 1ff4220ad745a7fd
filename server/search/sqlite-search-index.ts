import type { Database } from '../storage/db';
import type { SearchResult } from '../../shared/search';
import type { SearchEntry, SearchFilters, SearchIndex } from './search-index';
import { queryStems, toIndexText } from './dutch-text';
import { toEntry, toResult, toRow, type EntryRow } from './search-rows';

/** FTS5 over Dutch stems, ranked by bm25 with the title weighing most. */
export class SqliteSearchIndex implements SearchIndex {
  private readonly insertEntry;
  private readonly insertFts;
  private readonly deleteFts;
  private readonly deleteEntries;

  constructor(private readonly db: Database) {
    this.insertEntry = db.prepare(
      `INSERT INTO search_entries (key, type, workspace_id, document_id, thread_id, title, body, tags, kind, status, organizations, updated_at)
       VALUES (@key, @type, @workspace_id, @document_id, @thread_id, @title, @body, @tags, @kind, @status, @organizations, @updated_at)`,
    );
    this.insertFts = db.prepare('INSERT INTO search_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)');
    this.deleteFts = db.prepare('DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_entries WHERE document_id = ?)');
    this.deleteEntries = db.prepare('DELETE FROM search_entries WHERE document_id = ?');
  }

  async replaceDocument(documentId: string, entries: SearchEntry[]): Promise<void> {
    const { insertEntry, insertFts } = this;
    this.db.transaction(() => {
      this.deleteDocument(documentId);
      for (const e of entries) {
        const { lastInsertRowid } = insertEntry.run(toRow(e));
        insertFts.run(lastInsertRowid, toIndexText(e.title), toIndexText(e.body), toIndexText(e.tags.join(' ')));
      }
    })();
  }

  async removeDocument(documentId: string): Promise<void> {
    this.db.transaction(() => this.deleteDocument(documentId))();
  }

  private deleteDocument(documentId: string): void {
    this.deleteFts.run(documentId);
    this.deleteEntries.run(documentId);
  }

  async search(userId: string, query: string, f: SearchFilters): Promise<SearchResult[]> {
    const stems = queryStems(query);
    if (stems.length === 0) return [];
    // Stems hold only letters and digits; quoting keeps FTS5 from reading them as syntax.
    const match = stems.map((s) => `"${s.replaceAll('"', '')}"*`).join(' ');
    const where = ['search_fts MATCH @match'];
    if (f.workspace) where.push('e.workspace_id = @workspace');
    if (f.kind) where.push('e.kind = @kind');
    if (f.status) where.push('e.status = @status');
    if (f.tag) where.push('EXISTS (SELECT 1 FROM json_each(e.tags) WHERE lower(value) = lower(@tag))');
    if (f.organization) {
      where.push('EXISTS (SELECT 1 FROM json_each(e.organizations) WHERE lower(value) = lower(@organization))');
    }
    if (f.from) where.push('e.updated_at >= @from');
    if (f.to) where.push("e.updated_at < date(@to, '+1 day')");
    const rows = this.db
      .prepare(
        `SELECT e.*, w.name AS workspace_name
           FROM search_fts
           JOIN search_entries e ON e.rowid = search_fts.rowid
           JOIN members m ON m.workspace_id = e.workspace_id AND m.user_id = @userId
           JOIN workspaces w ON w.id = e.workspace_id
          WHERE ${where.join(' AND ')}
          ORDER BY bm25(search_fts, 8.0, 1.0, 4.0), e.updated_at DESC
          LIMIT @limit`,
      )
      .all({ ...f, userId, match }) as Array<EntryRow & { workspace_name: string }>;
    return rows.map((row) => toResult(row, stems));
  }

  async documentIds(): Promise<string[]> {
    const rows = this.db.prepare('SELECT DISTINCT document_id FROM search_entries ORDER BY document_id').all() as Array<{
      document_id: string;
    }>;
    return rows.map((r) => r.document_id);
  }

  async clear(): Promise<void> {
    this.db.exec('DELETE FROM search_fts; DELETE FROM search_entries;');
  }

  async dump(): Promise<SearchEntry[]> {
    return (this.db.prepare('SELECT * FROM search_entries ORDER BY key').all() as EntryRow[]).map(toEntry);
  }
}
