import * as Y from 'yjs';
import type { DocumentMeta } from '../../shared/api';
import type { Role } from '../../shared/roles';
import type { OwnerBoardView } from '../boards/ballot-box';

/**
 * The state an export renders for this reader instead of the stored one: for a board's
 * owner, the board with the hidden votes counted (ballot-box.ts); for everyone and
 * everything else undefined, the stored document.
 */
export async function readerExportState(ownerBoardView: OwnerBoardView, document: DocumentMeta, role: Role): Promise<Uint8Array[] | undefined> {
  const view = document.kind === 'board' && role === 'owner' ? await ownerBoardView(document) : null;
  if (!view) return undefined;
  try {
    return [Y.encodeStateAsUpdate(view)];
  } finally {
    view.destroy();
  }
}
