import type { VersionDiff } from '../../shared/versions';
import type { DocJSON } from '../export/prosemirror';
import { AppError } from '../http/errors';
import type { AuthorshipRepository } from './authorship-repository';
import type { AuthorshipWriter } from './authorship-writer';
import type { People } from './people';
import { RunIndex } from './run-index';
import type { VersionRepository, VersionRow } from './version-repository';

/** Runs last touched this long before the older end still count (instances' clocks differ a little). */
const CLOCK_SLACK_MS = 5 * 60_000;

interface End {
  row: VersionRow | null;
  createdAt: string;
  state: Uint8Array;
}

/** Reads versions as editor content and compares two ends with who-changed-what. */
export class VersionDiffer {
  constructor(
    private readonly deps: {
      versions: VersionRepository;
      authorship: AuthorshipRepository;
      writer: AuthorshipWriter;
      currentState(documentId: string): Promise<Uint8Array>;
      people: People;
      now?: () => number;
    },
  ) {}

  async content(version: VersionRow): Promise<DocJSON> {
    const { stateToDocJSON } = await import('./version-content');
    return stateToDocJSON(await this.stateOf(version));
  }

  /** `version` against `other` (null: the present), always from the older end to the newer. */
  async diff(version: VersionRow, other: VersionRow | null): Promise<VersionDiff> {
    const { versions, authorship, writer, currentState, people } = this.deps;
    const documentId = version.documentId;
    await writer.flush(documentId);
    const a: End = { row: version, createdAt: version.createdAt, state: await this.stateOf(version) };
    const b: End = other
      ? { row: other, createdAt: other.createdAt, state: await this.stateOf(other) }
      : { row: null, createdAt: new Date((this.deps.now ?? Date.now)()).toISOString(), state: await currentState(documentId) };
    const [older, newer] = b.row && (b.createdAt < a.createdAt || (b.createdAt === a.createdAt && b.row.id < a.row!.id)) ? [b, a] : [a, b];

    const all = await versions.list(documentId);
    const active = new Set<string>();
    for (const v of all) {
      if (v.createdAt > older.createdAt && (newer.row === null || v.createdAt <= newer.createdAt)) v.contributors.forEach((p) => active.add(p));
    }
    if (newer.row === null) {
      const latest = all[0];
      for (const p of await authorship.activeSince(documentId, latest ? Date.parse(latest.createdAt) : -1)) active.add(p);
    }

    const runs = await authorship.runs(documentId, Date.parse(older.createdAt) - CLOCK_SLACK_MS);
    const { diffStates } = await import('./diff');
    const { content, counts } = diffStates(older.state, newer.state, new RunIndex(runs));
    const changes = [...counts].map(([by, c]) => ({ by: by === '' ? null : by, ...c }));
    changes.sort((x, y) => y.added + y.removed - (x.added + x.removed));
    const activeBetween = [...active].sort();
    const named = await people.lookup([...activeBetween, ...changes.flatMap((c) => (c.by ? [c.by] : []))]);
    return {
      from: { versionId: older.row?.id ?? null, createdAt: older.createdAt },
      to: { versionId: newer.row?.id ?? null, createdAt: newer.createdAt },
      content,
      changes,
      activeBetween,
      people: [...named.values()],
    };
  }

  private async stateOf(version: VersionRow): Promise<Uint8Array> {
    const state = await this.deps.versions.state(version.id);
    if (!state) throw new AppError(404, 'not_found', 'No such version.');
    return state;
  }
}
