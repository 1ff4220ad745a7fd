import { useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { Avatar } from '../components/Avatar';
import { useI18n } from '../i18n/i18n';
import { liveApi, type OnlineEntry } from './live-api';
import { useWorkspaceEvents } from './useWorkspaceEvents';

/** "Nu online": who has which document of the workspace open, refreshed when presence changes. */
export function OnlineList({ workspaceId, documentTitle }: { workspaceId: string; documentTitle(id: string): string | undefined }) {
  const { t } = useI18n();
  const headingId = useId();
  const [online, setOnline] = useState<OnlineEntry[] | null>(null);

  const refresh = useCallback(() => {
    liveApi.presence(workspaceId).then(
      ({ online: next }) => setOnline(next),
      // Presence is a nicety: keep the last known list rather than showing an error.
      () => undefined,
    );
  }, [workspaceId]);

  useEffect(refresh, [refresh]);
  const stream = useWorkspaceEvents(workspaceId, (e) => {
    if (e.type === 'presence.changed') refresh();
  });
  // After an outage, events may have been missed before the stream came back.
  useEffect(() => {
    if (stream === 'open') refresh();
  }, [stream, refresh]);

  return (
    <section className="card live-online" aria-labelledby={headingId} data-testid="online-list">
      <h2 id={headingId}>{t('live.online')}</h2>
      {online === null ? (
        <p className="muted small">{t('app.loading')}</p>
      ) : online.length === 0 ? (
        <p className="empty small">{t('live.onlineEmpty')}</p>
      ) : (
        <ul className="member-list">
          {online.map((o) => (
            <li key={`${o.user.id}:${o.documentId}`}>
              <Avatar name={o.user.name} />
              <span>
                <strong>{o.user.name}</strong>
                <br />
                <span className="small muted">
                  {o.user.organization} ·{' '}
                  <Link href={`/d/${o.documentId}`}>{t('live.inDocument', { title: documentTitle(o.documentId) ?? t('live.aDocument') })}</Link>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
