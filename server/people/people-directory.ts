import type { PersonCard } from '../../shared/people';
import { fold } from '../search/dutch-text';
import type { PeopleRepository } from './people-repository';

const RECENT = 5;
const THEMES = 8;

/**
 * "Wie weet wat": the people someone shares a workspace with, each with the themes (tags)
 * of what they worked on and their latest contributions. Filters fold diacritics and
 * match word prefixes, so "gent" finds "Stad Gent" and "won" finds "wonen".
 */
export async function peopleDirectory(
  repo: PeopleRepository,
  viewerId: string,
  filters: { q?: string; theme?: string; city?: string; limit: number },
): Promise<PersonCard[]> {
  const [people, contributions] = await Promise.all([repo.sharingWith(viewerId), repo.contributionsVisibleTo(viewerId)]);
  const byUser = new Map<string, typeof contributions>();
  for (const c of contributions) {
    const list = byUser.get(c.userId) ?? [];
    list.push(c);
    byUser.set(c.userId, list);
  }
  const cards: PersonCard[] = people.map((user) => {
    const mine = (byUser.get(user.id) ?? []).sort((a, b) => b.at.localeCompare(a.at));
    const counts = new Map<string, number>();
    for (const c of mine) for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const themes = [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'nl'))
      .slice(0, THEMES);
    return {
      user,
      themes,
      recent: mine.slice(0, RECENT).map(({ documentId, title, kind, workspaceName, at }) => ({ documentId, title, kind, workspaceName, at })),
      documentCount: mine.length,
    };
  });
  return cards
    .filter((card) => {
      if (filters.city && !hasWordPrefix(card.user.organization, filters.city)) return false;
      if (filters.theme && !card.themes.some((t) => hasWordPrefix(t.tag, filters.theme!))) return false;
      if (filters.q) {
        const haystack = [card.user.name, card.user.organization, ...card.themes.map((t) => t.tag)].join(' ');
        if (!words(filters.q).every((w) => hasWordPrefix(haystack, w))) return false;
      }
      return true;
    })
    .sort((a, b) => b.documentCount - a.documentCount || a.user.name.localeCompare(b.user.name, 'nl'))
    .slice(0, filters.limit);
}

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function hasWordPrefix(text: string, query: string): boolean {
  const wanted = words(query);
  const have = words(text);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
