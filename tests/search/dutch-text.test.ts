import { describe, expect, it } from 'vitest';
import { fold, queryStems, toIndexText } from '../../server/search/dutch-text';
import { snippetFor } from '../../server/search/snippet';

/** What FTS5 does with a prefix query: does any indexed stem start with each query stem? */
function finds(text: string, query: string): boolean {
  const indexed = toIndexText(text).split(' ');
  return queryStems(query).every((q) => indexed.some((s) => s.startsWith(q)));
}

describe('Dutch search text', () => {
  it('folds diacritics so ë finds e and the other way round', () => {
    expect(fold('Ideeën, coördinatie, één')).toBe('ideeen, coordinatie, een');
    expect(finds('De ideeën van de stad', 'ideeen')).toBe(true);
    expect(finds('coordinatie tussen diensten', 'coördinatie')).toBe(true);
  });

  it('stems: a word finds its other forms', () => {
    expect(finds('Maatregelen voor verkeersveilige schoolomgevingen', 'verkeersveiligheid')).toBe(true);
    expect(finds('Drie burgerbegrotingen vergeleken', 'burgerbegroting')).toBe(true);
    expect(finds('kerken herbestemmen', 'kerk')).toBe(true);
  });

  it('matches compounds by prefix: "beleid" finds "beleidsmatig"', () => {
    expect(finds('een beleidsmatige keuze', 'beleid')).toBe(true);
    expect(finds('een bestuurlijke keuze', 'beleid')).toBe(false);
  });

  it('needs every word of the query', () => {
    expect(finds('wonen in Leuven', 'wonen Gent')).toBe(false);
    expect(finds('wonen in Gent', 'wonen Gent')).toBe(true);
  });

  it('snippets mark the matched words and keep the text as written', () => {
    const parts = snippetFor('Over de burgerbegroting in Antwerpen: wat we leerden.', queryStems('burgerbegrotingen'));
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['burgerbegroting']);
    expect(parts.map((p) => p.text).join('')).toBe('Over de burgerbegroting in Antwerpen: wat we leerden.');
  });

  it('ignores query syntax: quotes, stars and operators are only text', () => {
    expect(queryStems('"wonen" OR * NEAR(')).toEqual(['won', 'or', 'near']);
  });
});
