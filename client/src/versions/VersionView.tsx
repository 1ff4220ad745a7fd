import { useId, useMemo, useState } from 'react';
import type { VersionDiff, VersionMeta, VersionPerson } from '../../../shared/versions';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { assignColorSlots } from '../editor/caret-colors';
import { useI18n } from '../i18n/i18n';
import type { Translate } from '../i18n/translate';
import { DownloadLinks } from '../documents/DownloadMenu';
import { DiffContent } from './DiffContent';
import type { ChangeLook } from './version-marks';
import { versionsApi } from './versions-api';

/** Colours and hover labels for the people of one diff. */
function lookOf(diff: VersionDiff, t: Translate): ChangeLook {
  const people = new Map(diff.people.map((p) => [p.id, p]));
  const slots = assignColorSlots([...diff.changes.flatMap((c) => (c.by ? [c.by] : [])), ...diff.activeBetween]);
  const named = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? t('versions.person', { name: p.name, organization: p.organization }) : t('versions.someone');
  };
  return {
    slot: (by) => (by ? (slots.get(by) ?? null) : null),
    label: (change) => {
      if (change.kind === 'added') return t('versions.addedBy', { name: named(change.by) });
      if (change.by || diff.activeBetween.length === 0) return t('versions.removedBy', { name: named(change.by) });
      return t('versions.removedByOneOf', { names: diff.activeBetween.map(named).join(', ') });
    },
  };
}

const VERSION_FORMATS = ['docx', 'pdf', 'markdown', 'html'];

interface Props {
  version: VersionMeta;
  /** The document's other versions, to compare with instead of the present. */
  others: VersionMeta[];
  canRestore: boolean;
  onBack(): void;
  onRestored(): void;
}

/** One version, read-only, with what changed since in its authors' colours; editors may bring it back. */
export function VersionView({ version, others, canRestore, onBack, onRestored }: Props) {
  const { t, formatDate } = useI18n();
  const compareId = useId();
  const [against, setAgainst] = useState('current');
  const [loaded] = useLoad(() => versionsApi.diff(version.id, against), [version.id, against]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const diff = loaded.status === 'ok' ? loaded.data : null;
  const look = useMemo(() => (diff ? lookOf(diff, t) : null), [diff, t]);
  const people = useMemo(() => new Map<string, VersionPerson>(diff?.people.map((p) => [p.id, p]) ?? []), [diff]);

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      await versionsApi.restore(version.id);
      setConfirming(false);
      onRestored();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="version-view" data-testid="version-view">
      <div className="row version-view__head">
        <h3 className="version-view__title">
          {version.name ?? t(`versions.reason.${version.reason}`)} · {t('versions.viewing', { date: formatDate(version.createdAt, true) })}
        </h3>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('versions.back')}
        </button>
        {/* An old version downloads like the present, without comments or suggestions (they belong to the present). */}
        <DownloadLinks formats={VERSION_FORMATS} href={(format) => versionsApi.exportUrl(version.id, format)} testId="version-download" />
        {canRestore && !confirming && (
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="version-restore">
            {t('versions.restore')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="notice row" role="alert">
          <span>{t('versions.restoreConfirm')}</span>
          <button type="button" className="button" disabled={busy} onClick={() => void restore()} data-testid="version-restore-confirm">
            {t('versions.restoreYes')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            {t('versions.restoreNo')}
          </button>
        </div>
      )}
      <p className="row small">
        <label htmlFor={compareId}>{t('versions.compareWith')}</label>
        <select id={compareId} value={against} onChange={(e) => setAgainst(e.target.value)} data-testid="version-compare">
          <option value="current">{t('versions.present')}</option>
          {others.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name ?? t(`versions.reason.${v.reason}`)} · {formatDate(v.createdAt, true)}
            </option>
          ))}
        </select>
      </p>
      <ErrorAlert error={error ?? (loaded.status === 'error' ? loaded.error : null)} onDismiss={() => setError(null)} />
      {loaded.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {diff && look && (
        <>
          <p className="small muted">{diff.changes.length === 0 ? t(against === 'current' ? 'versions.noChanges' : 'versions.noChangesBetween') : t(against === 'current' ? 'versions.legend' : 'versions.legendBetween')}</p>
          <ul className="version-people" data-testid="version-people">
            {diff.changes.map((c) => {
              const p = c.by ? people.get(c.by) : undefined;
              const name = p ? t('versions.person', { name: p.name, organization: p.organization }) : t('versions.someone');
              const slot = look.slot(c.by);
              return (
                <li key={c.by ?? ''} className={slot === null ? 'version-person version-change--unknown' : `version-person person-color--${slot}`}>
                  {t('versions.changesBy', { name, count: c.added + c.removed })}
                </li>
              );
            })}
          </ul>
          <DiffContent diff={diff} look={look} />
        </>
      )}
    </div>
  );
}
