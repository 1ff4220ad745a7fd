import type { SnippetPart } from '../../shared/search';
import { fold, matchesStem } from './dutch-text';

const BEFORE = 60;
const LENGTH = 200;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A window of the readable text around the first word the query found, split into runs
 * with the matching words marked. Parts, not HTML: the client renders them as text, so
 * nothing a writer typed can become markup.
 */
export function snippetFor(text: string, stems: string[]): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const matches: Array<[number, number]> = [];
  for (const m of flat.matchAll(WORD)) {
    // Only the window after the first match is shown: stop looking past it.
    if (matches.length > 0 && m.index > matches[0]![0] + LENGTH) break;
    if (matchesStem(fold(m[0]), stems)) matches.push([m.index, m.index + m[0].length]);
  }
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  // Start at a word boundary so the snippet does not open on half a word.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  const end = Math.min(flat.length, start + LENGTH);
  const parts: SnippetPart[] = [];
  let at = start;
  const push = (from: number, to: number, match: boolean) => {
    if (to > from) parts.push({ text: flat.slice(from, to), match });
  };
  if (start > 0) parts.push({ text: '…', match: false });
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    push(at, Math.max(at, s), false);
    push(Math.max(at, s), Math.min(e, end), true);
    at = Math.min(e, end);
  }
  push(at, end, false);
  if (end < flat.length) parts.push({ text: '…', match: false });
  return parts;
}
