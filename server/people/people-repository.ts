import type { Dialect } from '../storage/sql/dialect';
import { jsonTextField } from '../storage/sql/json-text';
import type { Db } from '../storage/sql/open-sql';
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
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  /** Everyone in a workspace with `userId` (themselves included), by name. */
  async sharingWith(userId: string): Promise<Array<{ id: string; name: string; organization: string }>> {
    return this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.name', 'u.organization'])
      .where('u.id', 'in', (eb) =>
        eb
          .selectFrom('members as mine')
          .innerJoin('members as theirs', 'theirs.workspace_id', 'mine.workspace_id')
          .select('theirs.user_id')
          .where('mine.user_id', '=', userId),
      )
      .orderBy((eb) => eb.fn('lower', ['u.name']))
      .orderBy('u.id')
      .execute();
  }

  /** Per person and document, the latest contribution, in the workspaces `viewerId` belongs to. */
  async contributionsVisibleTo(viewerId: string): Promise<ContributionRow[]> {
    // The newest events first; comment events name the thread, their document id is in the data.
    const recent = this.db
      .selectFrom('events as e')
      .select([
        jsonTextField(this.dialect, 'e.actor', 'id').as('actor_id'),
        (eb) =>
          eb
            .case()
            .when('e.type', 'like', 'comment.%')
            .then(jsonTextField(this.dialect, 'e.data', 'documentId'))
            .else(eb.ref('e.subject'))
            .end()
            .as('document_id'),
        'e.at',
      ])
      .where('e.workspace_id', 'in', (eb) => eb.selectFrom('members').select('workspace_id').where('user_id', '=', viewerId))
      .where('e.type', 'in', CONTRIBUTING)
      .orderBy('e.id', 'desc')
      .limit(MAX_EVENTS)
      .as('e');
    const rows = await this.db
      .selectFrom(recent)
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
      .innerJoin('members as m', (join) => join.onRef('m.workspace_id', '=', 'd.workspace_id').on('m.user_id', '=', viewerId))
      .select((eb) => ['e.actor_id', 'd.id as document_id', 'd.title', 'd.kind', 'd.tags', 'w.name as workspace_name', eb.fn.max('e.at').as('at')])
      .groupBy(['e.actor_id', 'd.id', 'd.title', 'd.kind', 'd.tags', 'w.name'])
      .orderBy('e.actor_id')
      .orderBy('d.id')
      .execute();
    return rows.flatMap((r) =>
      r.actor_id === null
        ? []
        : [
            {
              userId: r.actor_id,
              documentId: r.document_id,
              title: r.title,
              kind: r.kind as DocumentKind,
              tags: JSON.parse(r.tags) as string[],
              workspaceName: r.workspace_name,
              at: r.at,
            },
          ],
    );
  }
}
