import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSearch } from 'wouter';
import { hasRole } from '../../../shared/roles';
import { api } from '../api/endpoints';
import type { Member } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import type { CollabSession } from '../editor/collab-session';
import { useI18n } from '../i18n/i18n';
import { commentsApi } from './api';
import type { EncodedAnchor } from '../../../shared/comment-anchors';
import { anchorForSelection, anchoredThreadIds, setHighlights, type CommentHooks } from './comment-highlights';
import { MentionComposer } from './MentionComposer';
import { ThreadCard } from './ThreadCard';
import { useCommentThreads } from './useCommentThreads';
import './comments.css';

interface Props {
  editor: Editor;
  session: CollabSession;
  hooks: CommentHooks;
  documentId: string;
  workspaceId: string;
  userId: string;
  role: Role;
}

/** Re-renders when the highlights change (threads moved, text deleted): their order and orphans follow. */
function useAnchoredIds(editor: Editor): string {
  return useSyncExternalStore(
    (onChange) => {
      editor.on('transaction', onChange);
      return () => void editor.off('transaction', onChange);
    },
    () => (editor.isDestroyed ? '' : anchoredThreadIds(editor.state).join(',')),
  );
}

/** Whether the document has synced with the server once: until then, missing text is not yet "deleted". */
export function useSynced(session: CollabSession): boolean {
  return useSyncExternalStore(
    (onChange) => {
      session.provider.on('sync', onChange);
      return () => session.provider.off('sync', onChange);
    },
    () => session.provider.synced,
  );
}

/** The side panel of a text document: start a thread on the selection, read and answer threads. */
export function CommentsPanel({ editor, session, hooks, documentId, workspaceId, userId, role }: Props) {
  const { t } = useI18n();
  const { threads, error: loadError, refresh } = useCommentThreads(documentId, workspaceId);
  const [members, setMembers] = useState<Member[]>([]);
  const [draft, setDraft] = useState<{ anchor: EncodedAnchor; quote: string } | null>(null);
  // A notification links to `?thread=`: that thread opens (and scrolls into view) first.
  const wanted = new URLSearchParams(useSearch()).get('thread');
  const [activeId, setActiveId] = useState<string | null>(wanted);
  const [showResolved, setShowResolved] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    setActiveId(wanted);
    if (threads.some((th) => th.id === wanted && th.resolved)) setShowResolved(true);
  }, [wanted, threads]);
  const [hint, setHint] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canComment = hasRole(role, 'commenter');

  useEffect(() => {
    void api.getWorkspace(workspaceId).then(({ members: list }) => setMembers(list), setError);
  }, [workspaceId]);

  const startThread = () => {
    const selected = anchorForSelection(editor.state);
    setHint(!selected);
    if (selected) setDraft(selected);
  };

  useEffect(() => {
    hooks.onShortcut = () => canComment && startThread();
    hooks.onActivate = (id) => setActiveId(id);
  });

  // The shortcut also works when a read-only editor (commenter) cannot take keyboard focus.
  useEffect(() => {
    if (!canComment) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.code === 'KeyM' && e.altKey && (e.ctrlKey || e.metaKey) && !editor.isFocused) {
        e.preventDefault();
        startThread();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (editor.isDestroyed) return;
    const input = { threads: threads.map(({ id, anchor, resolved, quote }) => ({ id, anchor, resolved, quote })), activeId, showResolved };
    editor.view.dispatch(setHighlights(editor.state.tr, input));
  }, [editor, threads, activeId, showResolved]);

  const anchoredKey = useAnchoredIds(editor);
  const synced = useSynced(session);
  const { placed, unplaced, resolvedCount } = useMemo(() => {
    const order = anchoredKey ? anchoredKey.split(',') : [];
    const visible = threads.filter((th) => showResolved || !th.resolved);
    const byId = new Map(visible.map((th) => [th.id, th]));
    const inText = order.map((id) => byId.get(id)).filter((th) => th !== undefined);
    return {
      placed: inText,
      unplaced: visible.filter((th) => !order.includes(th.id)),
      resolvedCount: threads.filter((th) => th.resolved).length,
    };
  }, [anchoredKey, threads, showResolved]);

  const cardProps = { userId, role, members, onChanged: refresh, onError: setError };
  return (
    <aside className="comments-panel" aria-label={t('comments.title')} data-testid="comments-panel">
      <div className="comments-panel__head">
        <h2 className="comments-panel__title">{t('comments.title')}</h2>
        {canComment && (
          <button
            type="button"
            className="button button--small"
            data-testid="add-comment"
            // Keep the editor's selection: the button must not take it away on mousedown.
            onMouseDown={(e) => e.preventDefault()}
            onClick={startThread}
          >
            {t('comments.add')}
          </button>
        )}
      </div>
      {canComment ? (
        <p className={hint ? 'notice small' : 'small muted'} role={hint ? 'status' : undefined}>
          {hint ? t('comments.selectFirst') : t('comments.addHint')}
        </p>
      ) : (
        <p className="small muted">{t('comments.readOnly')}</p>
      )}
      <ErrorAlert error={error ?? loadError} onDismiss={() => setError(null)} />
      {draft && (
        <div className="thread thread--draft" data-testid="comment-draft">
          <blockquote className="thread__quote">{draft.quote}</blockquote>
          <MentionComposer
            members={members}
            placeholder={t('comments.placeholder')}
            submitLabel={t('comments.send')}
            autoFocus
            testId="comment-input"
            onSubmit={async ({ body, mentions }) => {
              try {
                const { thread } = await commentsApi.create(documentId, { ...draft, body, mentions });
                setDraft(null);
                setActiveId(thread.id);
                await refresh();
              } catch (err) {
                setError(err);
              }
            }}
            onCancel={() => setDraft(null)}
          />
        </div>
      )}
      {resolvedCount > 0 && (
        <label className="comments-panel__toggle small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} data-testid="show-resolved" />{' '}
          {t('comments.showResolved', { count: resolvedCount })}
        </label>
      )}
      {threads.length === 0 && !draft && <p className="empty small">{t('comments.none')}</p>}
      {placed.map((th) => (
        <ThreadCard key={th.id} thread={th} active={th.id === activeId} onActivate={() => setActiveId(th.id)} {...cardProps} />
      ))}
      {unplaced.length > 0 && (
        // Before the first sync the text may simply not be here yet: no "deleted" label then.
        <section className={synced ? 'comments-panel__orphans' : undefined} data-testid={synced ? 'orphaned-threads' : undefined}>
          {synced && <h3 className="small">{t('comments.orphaned')}</h3>}
          {synced && <p className="small muted">{t('comments.orphanedHint')}</p>}
          {unplaced.map((th) => (
            <ThreadCard key={th.id} thread={th} active={th.id === activeId} onActivate={() => setActiveId(th.id)} {...cardProps} />
          ))}
        </section>
      )}
    </aside>
  );
}

/** A fresh, mutable set of hooks for one editor; the panel fills them in. */
export function createCommentHooks(): CommentHooks {
  return { onShortcut: () => undefined, onActivate: () => undefined };
}
