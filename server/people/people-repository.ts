import type { Database } from '../storage/db';
import type { DocumentKind } from '../../shared/api';

export interface ContributionRow {
  userId: string;
  documentId: string;
  title: string;
  kind: DocumentKind;
  tags: string[];
  workspaceName: string;
  at: string;
}

/** Events that mean "this person worked on this document". */
const CONTRIBUTING = ['document.created', 'document.updated', 'document.status_changed', 'comment.created', 'comment.replied'];
/** Enough history to know who worked on what, bounded so one request stays cheap. */
const MAX_EVENTS = 20_000;

/** Who shares a workspace with whom, and who contributed to which document (from the event log). */
export class PeopleRepository {
  private readonly sharing;
  private readonly contributions;

  constructor(db: Database) {
    this.sharing = db.prepare(
      `SELECT DISTINCT u.id, u.name, u.organization
         FROM members mine
         JOIN members theirs ON theirs.workspace_id = mine.workspace_id
         JOIN users u ON u.id = theirs.user_id
        WHERE mine.user_id = ?
        ORDER BY u.name COLLATE NOCASE, u.id`,
    );
    // Comment events name the thread; their document id is in the data.
    this.contributions = db.prepare(
      `SELECT json_extract(e.actor, '$.id') AS actor_id,
              d.id AS document_id, d.title, d.kind, d.tags, w.name AS workspace_name, MAX(e.at) AS at
         FROM (SELECT * FROM events
                WHERE workspace_id IN (SELECT workspace_id FROM members WHERE user_id = ?)
                  AND type IN (${CONTRIBUTING.map(() => '?').join(', ')})
                ORDER BY id DESC LIMIT ${MAX_EVENTS}) e
         JOIN documents d ON d.id = CASE WHEN e.type LIKE 'comment.%' THEN json_extract(e.data, '$.documentId') ELSE e.subject END
         JOIN workspaces w ON w.id = d.workspace_id
         JOIN members m ON m.workspace_id = d.workspace_id AND m.user_id = ?
        GROUP BY actor_id, d.id`, // not user_id: members has a column of that name
    );
  }

  async sharingWith(userId: string): Promise<Array<{ id: string; name: string; organization: string }>> {
    return this.sharing.all(userId) as Array<{ id: string; name: string; organization: string }>;
  }

  /** Per person and document, the latest contribution, in the workspaces `viewerId` belongs to. */
  async contributionsVisibleTo(viewerId: string): Promise<ContributionRow[]> {
    const rows = this.contributions.all(viewerId, ...CONTRIBUTING, viewerId) as Array<{
      actor_id: string;
      document_id: string;
      title: string;
      kind: DocumentKind;
      tags: string;
      workspace_name: string;
      at: string;
    }>;
    return rows.map((r) => ({
      userId: r.actor_id,
      documentId: r.document_id,
      title: r.title,
      kind: r.kind,
      tags: JSON.parse(r.tags) as string[],
      workspaceName: r.workspace_name,
      at: r.at,
    }));
  }
}
