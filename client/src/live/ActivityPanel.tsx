import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DomainEvent } from '../../../shared/events';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { describeEvent, relativeTime, type Names } from './describe-event';
import { liveApi } from './live-api';
import { useWorkspaceEvents } from './useWorkspaceEvents';
import { ACTIVITY_FILTERS, isLiveOnly, type ActivityFilter } from '../../../shared/activity';
import { groupActivity, type ActivityItem } from './group-activity';

const FILTERS = ['all', ...(Object.keys(ACTIVITY_FILTERS) as ActivityFilter[])] as const;
type Filter = (typeof FILTERS)[number];
const typesOf = (f: Filter): readonly string[] | undefined => (f === 'all' ? undefined : ACTIVITY_FILTERS[f]);

const PAGE = 20;
// Screen readers hear one summary per quiet spell, not every event as it lands.
const ANNOUNCE_AFTER_MS = 4_000;

/** Presence changes are shown in "Nu online" and drafts in the text; in the history they would drown everything else. */
const shown = (e: DomainEvent) => !isLiveOnly(e.type);

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The workspace's recent activity, newest first, growing live and loading older pages on demand. */
export function ActivityPanel({ workspaceId, names }: { workspaceId: string; names: Names }) {
  const { t, locale, formatDate } = useI18n();
  const headingId = useId();
  const now = useNow(30_000);
  const [events, setEvents] = useState<DomainEvent[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const filterId = useId();
  const pending = useRef(0);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const loadPage = useCallback(
    async (before?: string) => {
      setError(null);
      try {
        const { events: page } = await liveApi.activity(workspaceId, { limit: PAGE, before, types: typesOf(filter) });
        setHasMore(page.length === PAGE);
        setEvents((old) => merge(before ? old : [], page));
      } catch (err) {
        setError(err);
      }
      setState('ready');
    },
    [workspaceId, filter],
  );

  useEffect(() => {
    setState('loading');
    setEvents([]);
    void loadPage();
    return () => clearTimeout(announceTimer.current);
  }, [loadPage]);

  useWorkspaceEvents(workspaceId, (event) => {
    const types = typesOf(filter);
    if (!shown(event) || (types && !types.includes(event.type))) return;
    setEvents((old) => merge(old, [event]));
    pending.current += 1;
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => {
      setAnnouncement(t('activity.newSummary', { count: pending.current }));
      pending.current = 0;
    }, ANNOUNCE_AFTER_MS);
  });

  const visible = events.filter(shown);
  const describe = (item: ActivityItem): string => {
    if (item.kind === 'event') return describeEvent(item.event, t, names);
    const actor = item.actor.name;
    if (item.documentIds.length > 1) return t('activity.edits', { count: item.documentIds.length, actor });
    const title = names.documentTitle(item.documentIds[0]!) || t('live.aDocument');
    return t('activity.editsOne', { count: item.count, actor, title });
  };
  const oldest = events[events.length - 1];

  return (
    <section className="card live-activity" aria-labelledby={headingId} data-testid="activity-panel">
      <h2 id={headingId}>{t('live.activity')}</h2>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className="field live-activity__filter">
        <label htmlFor={filterId}>{t('activity.filter')}</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="activity-filter">
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`activity.filter.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {state === 'loading' ? (
        <p className="muted small">{t('app.loading')}</p>
      ) : visible.length === 0 && !hasMore ? (
        <p className="empty small">{filter === 'all' ? t('live.activityEmpty') : t('activity.filterEmpty')}</p>
      ) : (
        // Focusable so keyboard users can scroll a long history.
        <ol className="live-activity__list" tabIndex={0} aria-labelledby={headingId}>
          {groupActivity(visible).map((item) => {
            const e = item.kind === 'event' ? item.event : item.latest;
            return (
              <li key={item.key}>
                <span>{describe(item)}</span>
                <span className="small muted live-activity__meta">
                  {e.actor.organization} ·{' '}
                  <time dateTime={e.at} title={formatDate(e.at, true)}>
                    {relativeTime(e.at, now, locale)}
                  </time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {hasMore && oldest && (
        <button
          type="button"
          className="button button--quiet live-activity__more"
          disabled={state === 'more'}
          onClick={() => {
            setState('more');
            void loadPage(oldest.id);
          }}
        >
          {state === 'more' ? t('live.loadingMore') : t('live.loadMore')}
        </button>
      )}
    </section>
  );
}

/** Newest first by numeric id, each event once (a live event may also arrive in a fetched page). */
function merge(a: DomainEvent[], b: DomainEvent[]): DomainEvent[] {
  const byId = new Map<string, DomainEvent>();
  for (const e of [...a, ...b]) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) => Number(y.id) - Number(x.id));
}
