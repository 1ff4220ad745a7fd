import type { NewDomainEvent } from '../../shared/events';
import type { EventListener } from '../events/emit';
import type { NotificationRepository } from '../comments/notification-repository';
import type { SuggestionRepository } from './suggestion-repository';

/** How a suggestion reads in a notification and its mail (which quotes it): old → new, language-neutral. */
export function suggestionExcerpt(s: { deletedText: string; insertText: string }): string {
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
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
  return async (event: NewDomainEvent) => {
    if (event.type !== 'suggestion.accepted' && event.type !== 'suggestion.rejected') return;
    const { suggestionId, withdrawn } = event.data as { suggestionId: string; withdrawn?: boolean };
    if (withdrawn) return;
    const suggestion = await suggestions.get(suggestionId);
    if (!suggestion) return;
    await notifications.add({
      kind: event.type === 'suggestion.accepted' ? 'suggestion_accepted' : 'suggestion_rejected',
      userIds: [suggestion.author.id],
      actorId: event.actor.id,
      documentId: suggestion.documentId,
      body: suggestionExcerpt(suggestion),
    });
  };
}
