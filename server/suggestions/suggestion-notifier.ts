import type { NewDomainEvent } from '../../shared/events';
import type { EventListener } from '../events/emit';
import type { NotificationRepository } from '../comments/notification-repository';
import type { SuggestionRepository } from './suggestion-repository';

/** How a suggestion reads in a notification and its mail (which quotes it): old → new, language-neutral. */
export function suggestionExcerpt(s: { deletedText: string; insertText: string }): string {
  // Each side kept short, so that what follows ("(+4)") survives the notification's excerpt limit.
  const flat = (t: string) => {
    const one = t.replace(/\s+/g, ' ').trim();
    return one.length > 60 ? `${one.slice(0, 59)}…` : one;
  };
  if (s.deletedText === '') return `+ ${flat(s.insertText)}`;
  if (s.insertText === '') return `− ${flat(s.deletedText)}`;
  return `${flat(s.deletedText)} → ${flat(s.insertText)}`;
}

/**
 * The author of a suggestion hears when an editor accepts or rejects it (in the app, and
 * by mail per their choice: the mail path reads these notifications). Never for a
 * suggestion they withdrew themselves, nor for one they decided on themselves as editor.
 */
export function suggestionNotifier(suggestions: SuggestionRepository, notifications: NotificationRepository): EventListener {
  // Batches already told per author. The events of one request are handled here, in order,
  // on the instance that emitted them; the newest few hundred are enough to remember.
  const told = new Set<string>();
  return async (event: NewDomainEvent) => {
    if (event.type !== 'suggestion.accepted' && event.type !== 'suggestion.rejected') return;
    const { suggestionId, withdrawn, batch, batchCount } = event.data as { suggestionId: string; withdrawn?: boolean; batch?: string; batchCount?: number };
    if (withdrawn) return;
    const suggestion = await suggestions.get(suggestionId);
    if (!suggestion) return;
    if (batch !== undefined) {
      // Accepting all of someone's suggestions tells them once ("… (+4)"), not once per suggestion.
      const key = `${batch}:${suggestion.author.id}`;
      if (told.has(key)) return;
      told.add(key);
      if (told.size > 500) told.delete(told.values().next().value!);
    }
    const more = (batchCount ?? 1) - 1;
    await notifications.add({
      kind: event.type === 'suggestion.accepted' ? 'suggestion_accepted' : 'suggestion_rejected',
      userIds: [suggestion.author.id],
      actorId: event.actor.id,
      documentId: suggestion.documentId,
      body: suggestionExcerpt(suggestion) + (more > 0 ? ` (+${more})` : ''),
    });
  };
}
