import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';

/** Accepts an invite for the signed-in person and goes straight into the workspace. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    // Accepting is a state change: once per visit, even if React renders twice.
    if (started.current) return;
    started.current = true;
    api.acceptInvite(token).then(
      ({ workspace }) => navigate(`/w/${workspace.id}`, { replace: true }),
      (err: unknown) => setError(err),
    );
  }, [token, navigate]);

  return (
    <div className="page page--narrow stack">
      <h1>{t('invite.acceptTitle')}</h1>
      {error ? (
        <>
          <p>{t('invite.failed')}</p>
          <ErrorAlert error={error} />
          <p>
            <Link href="/">{t('app.backHome')}</Link>
          </p>
        </>
      ) : (
        <p className="muted" role="status">
          {t('invite.accepting')}
        </p>
      )}
    </div>
  );
}
