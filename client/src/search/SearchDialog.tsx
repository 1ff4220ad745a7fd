import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { SearchResult } from '../../../shared/search';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../../shared/documents';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { searchAll, type SearchParams } from './search-api';
import './search.css';

type State =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; results: SearchResult[]; q: string }
  | { status: 'error'; error: unknown };

/** Typing pauses shorter than this do not each start a search. */
const DEBOUNCE_MS = 200;

/** The search dialog (Ctrl/Cmd+K anywhere): all workspaces at once, with filters. */
export function SearchDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [params, setParams] = useState<SearchParams>({ q: '' });
  const [state, setState] = useState<State>({ status: 'idle' });
  const [workspaces, setWorkspaces] = useState<Array<{ id: string; name: string }>>([]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      input.current?.select();
      api.listWorkspaces().then((r) => setWorkspaces(r.workspaces), () => setWorkspaces([]));
    } else if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!params.q.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      searchAll(params).then(
        (answer) => !stale && setState({ status: 'done', results: answer.results, q: params.q }),
        (error: unknown) => !stale && setState({ status: 'error', error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [params]);

  const set = (key: keyof SearchParams) => (value: string) => setParams((p) => ({ ...p, [key]: value || undefined, q: key === 'q' ? value : p.q }));

  return (
    <dialog ref={dialog} className="search-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="search-dialog">
      <div className="search-dialog__head">
        <h2 id={titleId}>{t('search.title')}</h2>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          {t('search.close')}
        </button>
      </div>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="search-dialog__query">
          <span className="visually-hidden">{t('search.label')}</span>
          <input
            ref={input}
            type="search"
            value={params.q}
            placeholder={t('search.placeholder')}
            onChange={(e) => set('q')(e.target.value)}
            maxLength={200}
            autoComplete="off"
            data-testid="search-input"
          />
        </label>
        <fieldset className="search-dialog__filters">
          <legend className="visually-hidden">{t('search.filters')}</legend>
          <Filter label={t('search.workspace')} value={params.workspace} onChange={set('workspace')} any={t('search.anyWorkspace')}
            options={workspaces.map((w) => [w.id, w.name])} />
          <Filter label={t('search.kind')} value={params.kind} onChange={set('kind')} any={t('search.anyKind')}
            options={DOCUMENT_KINDS.map((k) => [k, t(`kind.${k}.one` as MessageKey)])} />
          <Filter label={t('search.status')} value={params.status} onChange={set('status')} any={t('search.anyStatus')}
            options={DOCUMENT_STATUSES.map((s) => [s, t(`status.${s}` as MessageKey)])} />
        </fieldset>
      </form>
      <Results state={state} onOpen={onClose} />
    </dialog>
  );
}

function Filter(props: { label: string; value?: string; any: string; options: Array<[string, string]>; onChange(v: string): void }) {
  return (
    <label className="search-dialog__filter">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Results({ state, onOpen }: { state: State; onOpen(): void }) {
  const { t, formatDate } = useI18n();
  if (state.status === 'idle') return <p className="muted search-dialog__hint">{t('search.start')}</p>;
  if (state.status === 'searching') return <p className="muted search-dialog__hint" role="status">{t('search.searching')}</p>;
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  if (state.results.length === 0) return <p className="search-dialog__hint" role="status">{t('search.none', { q: state.q })}</p>;
  const count = state.results.length;
  return (
    <>
      <p className="visually-hidden" role="status">
        {t('search.count', { count })}
      </p>
      <ol className="search-results" data-testid="search-results">
        {state.results.map((r) => (
          <li key={`${r.documentId}:${r.threadId ?? ''}`}>
            <Link href={`/d/${r.documentId}${r.threadId ? `?thread=${r.threadId}` : ''}`} onClick={onOpen} className="search-results__link">
              <span className="search-results__title">{r.type === 'comment' ? t('search.inComment', { title: r.title }) : r.title}</span>
              <span className="search-results__meta">
                {r.workspaceName} · {t(`kind.${r.kind}.one` as MessageKey)} · {t(`status.${r.status}` as MessageKey)} · {formatDate(r.updatedAt)}
              </span>
              <span className="search-results__snippet">
                {r.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
