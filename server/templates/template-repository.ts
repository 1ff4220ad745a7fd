import type { DocumentKind } from '../../shared/api';
import type { TemplateSummary } from '../../shared/templates';
import { newId } from '../auth/tokens';
import type { Database } from '../storage/db';

export interface SavedTemplate {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  name: string;
}

interface Row {
  id: string;
  workspace_id: string;
  kind: DocumentKind;
  name: string;
  created_at: string;
}

const toSummary = (r: Row): TemplateSummary => ({ id: r.id, kind: r.kind, name: r.name, builtin: false, createdAt: r.created_at });

/** Templates saved in a workspace, each with a copy of its source document's Yjs state. */
export class TemplateRepository {
  constructor(private readonly db: Database) {}

  async list(workspaceId: string): Promise<TemplateSummary[]> {
    const rows = this.db
      .prepare('SELECT id, workspace_id, kind, name, created_at FROM templates WHERE workspace_id = ? ORDER BY created_at, id')
      .all(workspaceId) as Row[];
    return rows.map(toSummary);
  }

  async count(workspaceId: string): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM templates WHERE workspace_id = ?').get(workspaceId) as { n: number }).n;
  }

  async create(input: { workspaceId: string; kind: DocumentKind; name: string; state: Uint8Array; createdBy: string }): Promise<TemplateSummary> {
    const row: Row = { id: newId(), workspace_id: input.workspaceId, kind: input.kind, name: input.name, created_at: new Date().toISOString() };
    this.db
      .prepare('INSERT INTO templates (id, workspace_id, kind, name, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.workspace_id, row.kind, row.name, Buffer.from(input.state), input.createdBy, row.created_at);
    return toSummary(row);
  }

  async find(id: string): Promise<SavedTemplate | undefined> {
    const row = this.db.prepare('SELECT id, workspace_id, kind, name, created_at FROM templates WHERE id = ?').get(id) as Row | undefined;
    return row && { id: row.id, workspaceId: row.workspace_id, kind: row.kind, name: row.name };
  }

  async state(id: string): Promise<Uint8Array | undefined> {
    const row = this.db.prepare('SELECT state FROM templates WHERE id = ?').get(id) as { state: Buffer } | undefined;
    return row && new Uint8Array(row.state);
  }

  async delete(id: string): Promise<void> {
    this.db.prepare('DELETE FROM templates WHERE id = ?').run(id);
  }
}
