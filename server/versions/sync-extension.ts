import type { SyncExtension } from '../sync/extensions';
import type { AuthorshipWriter } from './authorship-writer';
import type { QuietTimer } from './quiet-timer';
import { changedRanges } from './update-ranges';

/**
 * On the sync path, after each committed change of a text document: who made it (the
 * authenticated socket's user — never anything the update says about itself) and that the
 * document was edited, so a version follows once it has been quiet. Changes the server made
 * itself (a restore) have no socket and are recorded by whoever made them.
 */
export function versionsExtension(writer: AuthorshipWriter, quiet: QuietTimer, now: () => number = Date.now): SyncExtension {
  return {
    name: 'versions',
    afterCommit(room, update, origin) {
      const kind = origin?.identity.documentKind;
      if (!origin || (kind !== 'recommendation' && kind !== 'note')) return;
      writer.record(room.id, origin.identity.user.id, changedRanges(update), now());
      writer.schedule(room.id);
      quiet.edited(room.id);
    },
    onUnload(room) {
      void writer.forget(room.id);
    },
  };
}
