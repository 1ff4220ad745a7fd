import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Notification } from '../../../shared/comments';
import { api } from '../api/endpoints';
import { commentsApi } from '../comments/api';
import { useI18n } from '../i18n/i18n';
import { subscribeWorkspaceEvents } from '../live/useWorkspaceEvents';
import './notifications.css';

// A safety net only: mentions arrive live through the workspace streams.
const POLL_MS = 60_000;

/**
 * The signed-in person's mentions: an unread count that rises live (a comment.mentioned
 * event naming them on any of their workspaces' streams) and a list to read them from.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const { t, formatDate } = useI18n();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [workspaceIds, setWorkspaceIds] = useState<string[]>([]);
  const root = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      const answer = await commentsApi.notifications();
      setItems(answer.notifications);
      setUnread(answer.unread);
    } catch {
      // The count stays as it was; the next event or poll tries again.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // Workspaces joined later are picked up whenever the list is opened.
  useEffect(() => {
    api.listWorkspaces().then(
      ({ workspaces }) => setWorkspaceIds(workspaces.map((w) => w.id)),
      () => undefined,
    );
  }, [userId, open]);

  const key = workspaceIds.join(',');
  useEffect(() => {
    if (!key) return;
    const stops = key.split(',').map((wid) =>
      subscribeWorkspaceEvents(wid, {
        onEvent: (e) => {
          if (e.type === 'comment.mentioned' && e.data.mentionedUserId === userId) void refresh();
          // An editor decided one of the person's suggestions (not they themselves withdrawing it).
          const decided = e.type === 'suggestion.accepted' || e.type === 'suggestion.rejected';
          if (decided && e.data.authorId === userId && e.actor.id !== userId) void refresh();
        },
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [key, userId, refresh]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    try {
      setUnread((await commentsApi.markRead(body)).unread);
      await refresh();
    } catch {
      // Nothing is lost: they stay unread and can be marked again.
    }
  };

  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-label={unread > 0 ? `${t('notifications.label')}: ${t('notifications.unread', { count: unread })}` : t('notifications.label')}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span>{t('notifications.label')}</span>
        {unread > 0 && (
          <span className="notification-bell__count" data-testid="unread-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notification-bell__panel" role="region" aria-label={t('notifications.label')} data-testid="notification-list">
          <div className="notification-bell__head">
            <strong>{t('notifications.label')}</strong>
            {unread > 0 && (
              <button type="button" className="link-button small" onClick={() => void markRead({ all: true })}>
                {t('notifications.markAll')}
              </button>
            )}
          </div>
          {items.length === 0 && <p className="small muted">{t('notifications.none')}</p>}
          <ul className="notification-bell__list">
            {items.map((n) => (
              <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'}>
                <Link
                  href={`/d/${encodeURIComponent(n.documentId)}${n.threadId === null ? '' : `?thread=${encodeURIComponent(n.threadId)}`}`}
                  onClick={() => {
                    setOpen(false);
                    if (!n.read) void markRead({ ids: [n.id] });
                  }}
                >
                  {t(`notifications.${n.type}`, { name: n.actor.name, document: n.documentTitle })}
                </Link>
                <span className="small muted notification__excerpt">{n.excerpt}</span>
                <span className="small muted">{formatDate(n.createdAt, true)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
