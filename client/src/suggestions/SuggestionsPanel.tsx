import './suggestions.css';
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import type { Suggestion } from '../../../shared/suggestions';
import { canWriteContent, hasRole, type Role } from '../../../shared/roles';
import { useSynced } from '../comments/CommentsPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import type { CollabSession } from '../editor/collab-session';
import { assignColorSlots } from '../editor/caret-colors';
import { useI18n } from '../i18n/i18n';
import { BulkDecisions } from './BulkDecisions';
import { SuggestionCard } from './SuggestionCard';
import { placedSuggestionIds, setSuggestionMarks, type SuggestionLook } from './suggestion-marks';
import { SuggestionPopover } from './SuggestionPopover';
import type { SuggestionSession } from './suggestion-session';
import { useSuggestionActions } from './useSuggestionActions';
import { useSuggestions } from './useSuggestions';
import { dropDraft, suggestModeKey } from './suggest-mode';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';

interface Props {
  editor: Editor;
  session: SuggestionSession;
  collab: CollabSession;
  documentId: string;
  workspaceId: string;
  userId: string;
  role: Role;
  /** Archived documents are read, not changed. */
  archived: boolean;
}

/** The ids of the suggestions placed in the text, in text order; re-read on every transaction. */
function usePlacedIds(editor: Editor): string {
  return useSyncExternalStore(
    (onChange) => {
      editor.on('transaction', onChange);
      return () => void editor.off('transaction', onChange);
    },
    () => (editor.isDestroyed ? '' : placedSuggestionIds(editor.state).join(',')),
  );
}

/**
 * "Voorstellen": the document's pending suggestions in text order, each with who, when
 * and ‘oud’ → ‘nieuw’; editors accept or reject one, one person's, or all; authors
 * withdraw their own. It also draws the suggestions into the text and opens the small
 * card beside one that is clicked there.
 */
export function SuggestionsPanel({ editor, session, collab, documentId, workspaceId, userId, role, archived }: Props) {
  const { t, formatDate } = useI18n();
  const headingId = useId();
  const { suggestions, error: loadError, refresh } = useSuggestions(documentId, workspaceId);
  const actions = useSuggestionActions(documentId, refresh);
  const [draftError, setDraftError] = useState<unknown>(null);
  const [open, setOpen] = useState<{ id: string; target: HTMLElement } | null>(null);
  const permissions = { canDecide: canWriteContent(role) && !archived, userId };

  const slots = useMemo(() => assignColorSlots([userId, ...suggestions.map((s) => s.author.id)]), [suggestions, userId]);
  const look = useMemo<SuggestionLook>(
    () => ({
      slot: (id) => slots.get(id) ?? 0,
      title: (s) => t('suggestions.by', { name: s.author.name, organization: s.author.organization, time: formatDate(s.updatedAt, true) }),
      selfId: userId,
      draftTitle: t('suggestions.yours'),
    }),
    [slots, t, formatDate, userId],
  );

  useEffect(() => {
    session.attach(editor);
    session.onSaved = () => void refresh();
    session.onError = setDraftError;
    session.marks.onActivate = (id, target) => setOpen({ id, target });
  }, [session, editor, refresh]);

  // The draft being typed was decided (or withdrawn) elsewhere: it is no longer shown as typed.
  useWorkspaceEvents(workspaceId, (event) => {
    if (event.type !== 'suggestion.accepted' && event.type !== 'suggestion.rejected') return;
    const draft = editor.isDestroyed ? null : suggestModeKey.getState(editor.state)?.draft;
    if (draft?.serverId && draft.serverId === event.data.suggestionId) dropDraft(editor.view);
  });

  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setSuggestionMarks(editor.state.tr, { suggestions, look }));
  }, [editor, suggestions, look]);

  const placedKey = usePlacedIds(editor);
  // Before the first sync the text may simply not be here yet: nothing is "outdated" then.
  const synced = useSynced(collab);
  const placedIds = useMemo(() => new Set(placedKey.split(',')), [placedKey]);
  const ordered = useMemo(() => {
    const order = placedKey ? placedKey.split(',') : [];
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const placed = order.map((id) => byId.get(id)).filter((s): s is Suggestion => s !== undefined);
    return [...placed, ...suggestions.filter((s) => !order.includes(s.id))];
  }, [placedKey, suggestions]);
  const opened = open ? suggestions.find((s) => s.id === open.id) : undefined;

  const empty = permissions.canDecide ? 'suggestions.emptyEditor' : hasRole(role, 'commenter') && !archived ? 'suggestions.emptySuggester' : 'suggestions.emptyReader';
  return (
    <section className="suggestions-panel" aria-labelledby={headingId} data-testid="suggestions-panel">
      <h2 id={headingId} className="suggestions-panel__title">
        {t('suggestions.title')} {suggestions.length > 0 && <span className="suggestions-panel__count">({suggestions.length})</span>}
      </h2>
      <ErrorAlert error={draftError ?? actions.error ?? loadError} onDismiss={() => (setDraftError(null), actions.dismissError())} />
      <p className="notice small" role="status" hidden={actions.notice === null} data-testid="suggestions-notice">
        {actions.notice}
      </p>
      {suggestions.length === 0 ? (
        <p className="small muted" data-testid="suggestions-empty">
          {t(empty)}
        </p>
      ) : (
        <>
          {permissions.canDecide && <BulkDecisions suggestions={suggestions} actions={actions} />}
          <ol className="suggestions-panel__list" aria-label={t('suggestions.listLabel')}>
            {ordered.map((s) => (
              <SuggestionCard
                key={s.id}
                suggestion={s}
                slot={look.slot(s.author.id)}
                outdated={actions.outdated.has(s.id) || (synced && !placedIds.has(s.id))}
                active={s.id === open?.id}
                actions={actions}
                permissions={permissions}
              />
            ))}
          </ol>
          <p className="small muted">{t('suggestions.keyboardHint')}</p>
        </>
      )}
      {open && opened && (
        <SuggestionPopover suggestion={opened} slot={look.slot(opened.author.id)} target={open.target} actions={actions} permissions={permissions} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
