/** The built-in templates: their kind and a fresh Yjs update with their content. */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentKind } from '../../shared/api';
import { BUILTIN_TEMPLATE_IDS, type BuiltinTemplateId, type TemplateSummary } from '../../shared/templates';
import type { DocJSON } from '../export/prosemirror';
import { ATELIERBORD_COLUMNS, aanbevelingennota, netwerknotitie, verslagStadskamer } from './builtin-content';

interface Builtin {
  kind: DocumentKind;
  content(): Promise<Uint8Array>;
}

// Loaded on first use, like the export: the ProseMirror schema is heavy and only these need it.
async function richText(json: DocJSON): Promise<Uint8Array> {
  const { docJSONToYUpdate } = await import('../export/prosemirror');
  return docJSONToYUpdate(json);
}

/** A board (CONTRACT §3) with its columns set and no cards. */
export function boardWithColumns(titles: string[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    const columns = doc.getArray<Y.Map<unknown>>('columns');
    doc.transact(() => {
      for (const title of titles) {
        const column = new Y.Map<unknown>();
        column.set('id', randomUUID());
        column.set('title', title);
        columns.push([column]);
      }
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const BUILTINS: Record<BuiltinTemplateId, Builtin> = {
  'builtin:aanbevelingennota': { kind: 'recommendation', content: () => richText(aanbevelingennota()) },
  'builtin:verslag-stadskamer': { kind: 'note', content: () => richText(verslagStadskamer()) },
  'builtin:netwerknotitie': { kind: 'note', content: () => richText(netwerknotitie()) },
  'builtin:atelierbord': { kind: 'board', content: async () => boardWithColumns(ATELIERBORD_COLUMNS) },
};

export const findBuiltin = (id: string): Builtin | undefined =>
  (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id) ? BUILTINS[id as BuiltinTemplateId] : undefined;

export const builtinSummaries = (): TemplateSummary[] =>
  BUILTIN_TEMPLATE_IDS.map((id) => ({ id, kind: BUILTINS[id].kind, name: null, builtin: true, createdAt: null }));
