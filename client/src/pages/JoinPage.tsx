import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { joinApi } from '../api/join';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import type { JoinPreview } from '../../../shared/join';

type Loaded = { status: 'loading' } | { status: 'ok'; preview: JoinPreview } | { status: 'error'; error: unknown };

/**
 * `/join/CODE` on a phone: name and organisation (and e-mail when asked), then straight to
 * the board. Someone already signed in joins as themselves.
 */
export function JoinPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { state } = useSession();
  const nameId = useId();
  const orgId = useId();
  const emailId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    joinApi.preview(code).then(
      (preview) => setLoaded({ status: 'ok', preview }),
      (err: unknown) => setLoaded({ status: 'error', error: err }),
    );
  }, [code]);

  const signedIn = state.status === 'signedIn';
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = signedIn
        ? { name: state.user.name, organization: state.user.organization }
        : { name, organization, ...(email.trim() ? { email } : {}) };
      const answer = await joinApi.join(code, body);
      // A full page load: the session (cookie) is new, and the app starts from it.
      window.location.assign(`/d/${answer.documentId}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (loaded.status === 'loading') return <p className="page muted">{t('app.loading')}</p>;
  if (loaded.status === 'error') {
    const err = loaded.error;
    const message = err instanceof ApiError && err.status === 410 ? t('join.ended') : err instanceof ApiError && err.status === 429 ? t('join.throttled') : err instanceof ApiError && err.status === 404 ? t('join.unknown') : null;
    return (
      <div className="page page--narrow stack">
        <h1>{t('join.title')}</h1>
        {message ? <p role="alert" data-testid="join-error">{message}</p> : <ErrorAlert error={err} />}
      </div>
    );
  }

  const { preview } = loaded;
  return (
    <div className="page page--narrow stack join-page">
      <h1>{t('join.title')}</h1>
      <p lang="nl">
        <strong>{preview.boardTitle}</strong>
        <br />
        <span className="muted">{preview.workspaceName}</span>
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)} data-testid="join-form">
        {signedIn ? (
          <p>{t('join.asYou', { name: state.user.name, organization: state.user.organization })}</p>
        ) : (
          <>
            <label htmlFor={nameId}>{t('auth.name')}</label>
            <input id={nameId} autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
            <label htmlFor={orgId}>{t('auth.organization')}</label>
            <input id={orgId} autoComplete="organization" required maxLength={200} value={organization} onChange={(e) => setOrganization(e.target.value)} aria-describedby={`${orgId}-hint`} />
            <p id={`${orgId}-hint`} className="small muted">
              {t('auth.organizationHint')}
            </p>
            {preview.requireEmail && (
              <>
                <label htmlFor={emailId}>{t('auth.email')}</label>
                <input id={emailId} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              </>
            )}
          </>
        )}
        <ErrorAlert error={error} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </div>
  );
}

/** `/join` without a code: type the code shown on the projector. */
export function JoinCodeForm() {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <div className="page page--narrow stack join-page">
      <h1>{t('join.title')}</h1>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = code.replace(/[\s-]/g, '').toUpperCase();
          if (clean) window.location.assign(`/join/${encodeURIComponent(clean)}`);
        }}
      >
        <label htmlFor={id}>{t('join.codeLabel')}</label>
        <input id={id} required autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} className="join-code-input" />
        <button type="submit" className="button">
          {t('join.next')}
        </button>
      </form>
    </div>
  );
}
