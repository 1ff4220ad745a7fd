/**
 * Dutch-aware text for the search index: diacritics folded (ë = e), words stemmed with the
 * Snowball Dutch stemmer (pinned: its algorithm changed between Snowball versions, and a
 * changed stemmer would silently stop stored stems from matching new queries).
 */
import { createRequire } from 'node:module';
import type Snowball from 'snowball-stemmers';

const require = createRequire(import.meta.url);
/** Required at the first word stemmed, not at start: a server nobody searches never holds it. */
let stemmer: ReturnType<typeof Snowball.newStemmer> | null = null;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer "words" are noise (hashes, pasted data) and would only bloat the index. */
const MAX_WORD = 40;
/** Queries stay short: a person types a few words, not a paragraph. */
export const MAX_QUERY_TERMS = 8;

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of `text` as they are written, folded (for finding matches in snippets). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Texts repeat their words: stemming each distinct word once saves most of the work. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 100_000;

export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    stemmer ??= (require('snowball-stemmers') as typeof Snowball).newStemmer('dutch');
    s = stemmer.stem(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, s);
  }
  return s;
}

/** What the full-text table stores for `text`: its stems, space-separated, in order. */
export function toIndexText(text: string): string {
  const out: string[] = [];
  for (const w of words(text)) if (w.length <= MAX_WORD) out.push(stem(w));
  return out.join(' ');
}

/** The stems of a query, each to be matched as a prefix (compounds: "beleid" finds "beleidsmatig"). */
export function queryStems(query: string): string[] {
  const stems = words(query)
    .filter((w) => w.length <= MAX_WORD)
    .map(stem)
    .filter((s) => s.length > 0);
  return [...new Set(stems)].slice(0, MAX_QUERY_TERMS);
}

/** True when a written word matches one of the query stems (same rule as the index). */
export function matchesStem(word: string, stems: string[]): boolean {
  const s = stem(word);
  return stems.some((q) => s.startsWith(q) || word.startsWith(q));
}
