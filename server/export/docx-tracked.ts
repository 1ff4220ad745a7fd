/**
 * Word's tracked changes for the export's inline content (tracked-changes.ts marks it):
 * text proposed for deletion as w:del runs, proposed text as w:ins runs, and a "\n" in
 * proposed text as a new paragraph whose paragraph mark is itself inserted — what Word
 * writes when someone presses Enter with "Wijzigingen bijhouden" on. Every w:ins and
 * w:del gets its own id, counted on from the ids the comments took.
 */
import { DeletedTextRun, InsertedTextRun, Paragraph, type IParagraphOptions, type IRunOptions, type ParagraphChild } from 'docx';
import type { Revision, TrackedMarkDeletion } from './tracked-changes';

/** Where proposed text starts a new paragraph: the paragraph before it ends with an inserted mark. */
export class ParagraphSplit {
  constructor(readonly revision: Revision) {}
}

export type InlineChild = ParagraphChild | ParagraphSplit;

export class RevisionIds {
  constructor(private next: number) {}

  of(revision: Revision): { id: number; author: string; date: string } {
    return { id: this.next++, author: revision.author, date: revision.date };
  }
}

export function deletedRun(run: IRunOptions & { text: string }, revision: Revision, ids: RevisionIds): DeletedTextRun {
  return new DeletedTextRun({ ...run, ...ids.of(revision) });
}

/**
 * Proposed text in the style of `run`: lines separated by a paragraph split, or — where
 * a new paragraph cannot stand, in a code block — by a line break.
 */
export function insertedRuns(run: IRunOptions, text: string, revision: Revision, ids: RevisionIds, lines: 'paragraphs' | 'breaks'): InlineChild[] {
  const out: InlineChild[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0 && lines === 'paragraphs') out.push(new ParagraphSplit(revision));
    const brk = i > 0 && lines === 'breaks' ? 1 : undefined;
    if (line.length > 0 || brk) out.push(new InsertedTextRun({ ...run, text: line, break: brk, ...ids.of(revision) }));
  });
  return out;
}

/**
 * The paragraphs one textblock becomes: one, or more where proposed text starts new ones.
 * All but the last end with an inserted paragraph mark; the last keeps the block's own
 * end, deleted when a suggestion joins it to the next.
 */
export function splitParagraphs(block: TrackedMarkDeletion, children: InlineChild[], options: Omit<IParagraphOptions, 'children'>, ids: RevisionIds): Paragraph[] {
  const groups: { children: ParagraphChild[]; end?: ParagraphSplit }[] = [{ children: [] }];
  for (const child of children) {
    if (child instanceof ParagraphSplit) {
      groups.at(-1)!.end = child;
      groups.push({ children: [] });
    } else groups.at(-1)!.children.push(child);
  }
  return groups.map(({ children: runs, end }) => {
    const mark = end ? { insertion: ids.of(end.revision) } : block.trackedMarkDeletion ? { deletion: ids.of(block.trackedMarkDeletion) } : null;
    return new Paragraph({ ...options, children: runs, ...(mark ? { run: mark } : {}) });
  });
}
