import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { useLoad } from '../components/useLoad';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { formText } from '../components/form-text';

/** The workspaces the person belongs to, and a form to start a new one. */
export function WorkspacesPage() {
  const { t, formatDate } = useI18n();
  const [, navigate] = useLocation();
  const [list] = useLoad(() => api.listWorkspaces(), []);
  usePageTitle(t('workspaces.title'));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const name = formText(form, 'name').trim();
    const description = formText(form, 'description').trim();
    setBusy(true);
    setError(null);
    try {
      const { workspace } = await api.createWorkspace(description ? { name, description } : { name });
      navigate(`/w/${workspace.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className="page stack">
      <h1>{t('workspaces.title')}</h1>
      {list.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {list.status === 'error' && <ErrorAlert error={list.error} />}
      {list.status === 'ok' &&
        (list.data.workspaces.length === 0 ? (
          <p className="empty">{t('workspaces.empty')}</p>
        ) : (
          <ul className="grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.data.workspaces.map((w) => (
              <li key={w.id} className="card">
                <h2 style={{ fontSize: 'var(--text-lg)' }}>
                  <Link href={`/w/${w.id}`}>{w.name}</Link>
                </h2>
                {w.description && <p>{w.description}</p>}
                <p className="muted small" style={{ margin: 0 }}>
                  {t('workspaces.yourRole', { role: t(`role.${w.role}`) })} ·{' '}
                  {t('workspaces.createdAt', { date: formatDate(w.createdAt) })}
                </p>
              </li>
            ))}
          </ul>
        ))}
      <section className="card" aria-labelledby="new-workspace">
        <h2 id="new-workspace">{t('workspaces.create')}</h2>
        <form onSubmit={(e) => void create(e)}>
          <ErrorAlert error={error} onDismiss={() => setError(null)} />
          <Field label={t('workspaces.name')} name="name" required maxLength={200} />
          <Field label={t('workspaces.description')} name="description" maxLength={2000} />
          <button className="button" type="submit" disabled={busy}>
            {t('workspaces.createButton')}
          </button>
        </form>
      </section>
    </div>
  );
}
