/** "Gent, burgerbegroting ,  Gent" → ["Gent", "burgerbegroting"]: trimmed, no empties, no duplicates. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Every tag used in the workspace, sorted the way a Dutch reader expects. */
export function allTags(documents: { tags: string[] }[], locale: string): string[] {
  const set = new Set<string>();
  for (const d of documents) for (const tag of d.tags) set.add(tag);
  return [...set].sort((a, b) => a.localeCompare(b, locale, { sensitivity: 'base' }));
}

/** The cities of the Kenniscentrum, offered as suggestions; any other tag is welcome too. */
export const CITY_SUGGESTIONS = [
  'Aalst', 'Antwerpen', 'Brugge', 'Genk', 'Gent', 'Hasselt', 'Kortrijk', 'Leuven', 'Mechelen',
  'Oostende', 'Roeselare', 'Sint-Niklaas', 'Turnhout', 'VGC Brussel',
];
