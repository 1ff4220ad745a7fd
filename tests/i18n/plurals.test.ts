import { describe, expect, it } from 'vitest';
import { pluralForm } from '../../shared/plural';
import type { Twin } from '../../client/src/i18n/dictionary';
import { en } from '../../client/src/i18n/en';
import { nl } from '../../client/src/i18n/nl';
import { translator } from '../../client/src/i18n/translate';

const tNl = translator('nl');
const tEn = translator('en');

describe('counted phrases pick their form with Intl.PluralRules', () => {
  it.each([
    [0, '0 stemmen', '0 votes'],
    [1, '1 stem', '1 vote'],
    [2, '2 stemmen', '2 votes'],
    [1234, '1.234 stemmen', '1,234 votes'],
  ])('%i votes', (count, dutch, english) => {
    expect(tNl('board.votes', { count })).toBe(dutch);
    expect(tEn('board.votes', { count })).toBe(english);
  });

  it('fills the other values next to the count', () => {
    expect(tNl('activity.edits', { count: 1, actor: 'Karim' })).toBe('Karim werkte 1 document bij');
    expect(tEn('activity.editsOne', { count: 3, actor: 'Karim', title: 'Nota' })).toBe('Karim updated Nota (3 times)');
    expect(tNl('board.votesLeft', { left: 0, count: 1 })).toBe('Je hebt nog 0 van 1 stem.');
    expect(tEn('invites.uses', { count: 1 })).toBe('used once');
  });

  it('takes `other` for what is not exactly one: fractions, NaN', () => {
    expect(tEn('doc.wordCount', { count: 1.5 })).toBe('1.5 words');
    expect(tNl('doc.wordCount', { count: Number.NaN })).toBe('NaN woorden');
    expect(pluralForm({ one: 'één', other: 'meer' }, 'nl', 1)).toBe('één');
    // A language with more categories ("few" in Polish) falls back to `other`, never to nothing.
    expect(pluralForm({ one: 'one', other: 'other' }, 'pl', 3)).toBe('other');
  });

  it('every counted phrase has both forms with a {count} or a word for it, in both languages', () => {
    const plurals = Object.entries({ ...nl, ...en }).filter(([, v]) => typeof v !== 'string');
    expect(plurals.length).toBeGreaterThan(10);
    for (const [key] of plurals) {
      for (const dictionary of [nl, en] as Record<string, unknown>[]) {
        expect(dictionary[key], key).toEqual({ one: expect.any(String), other: expect.stringContaining('{count}') });
      }
    }
  });

  it('no string writes a count with a "(en)" or "(s)" suffix, or puts a noun after a plain {count}', () => {
    // A plain string may show a count only where the noun does not follow it ("Jouw stemmen: 3").
    const countWithoutNoun = new Set(['board.myVotesOnly', 'board.myVotes', 'board.present', 'present.more', 'comments.showResolved']);
    for (const dictionary of [nl, en] as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(dictionary)) {
        const forms = typeof value === 'string' ? [value] : Object.values(value as object);
        for (const text of forms as string[]) expect(text, key).not.toMatch(/\w\((en|s)\)/);
        if (typeof value === 'string' && value.includes('{count}')) expect(countWithoutNoun, key).toContain(key);
      }
    }
  });
});

describe('the type check refuses an incomplete plural', () => {
  it('an English entry without `other`, a plural given as a string, or a counted phrase without its count', () => {
    type Dutch = { 'x.votes': { one: string; other: string }; 'x.title': string };
    const complete: Twin<Dutch> = { 'x.votes': { one: '{count} vote', other: '{count} votes' }, 'x.title': 'Title' };
    const incomplete: Twin<Dutch> = {
      // @ts-expect-error an English plural needs its `other` form
      'x.votes': { one: '{count} vote' },
      'x.title': 'Title',
    };
    // @ts-expect-error a counted phrase cannot be a plain string in English
    const flat: Twin<Dutch> = { 'x.votes': '{count} votes', 'x.title': 'Title' };
    // The real English dictionary, with one form taken away.
    // @ts-expect-error 'board.votes' lacks `other`
    const english: Twin<typeof nl> = { ...en, 'board.votes': { one: '{count} vote' } };
    // @ts-expect-error a counted phrase needs its count
    const noCount = () => tEn('board.votes');
    // @ts-expect-error …as a number, which picks the form (a formatted string could not)
    const notCounted = () => tEn('board.votes', { count: '3' });
    expect([complete, incomplete, flat, english, noCount, notCounted]).toHaveLength(6);
  });
});
