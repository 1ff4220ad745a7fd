import { useEffect } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { useI18n } from '../i18n/i18n';
import { clearWorkspaceCopies } from './offline-copies';

/**
 * Shown instead of a document once its reader is no longer a member: the document is
 * closed, and this browser's offline copies of the workspace's documents are wiped.
 */
export function RemovedNotice({ workspaceName, workspaceId, userId }: { workspaceName: string; workspaceId: string; userId: string }) {
  const { t } = useI18n();
  usePageTitle(t('roleChange.removedTitle'));
  useEffect(() => {
    void clearWorkspaceCopies(userId, workspaceId);
  }, [userId, workspaceId]);
  return (
    <div className="page page--narrow stack" data-testid="removed-notice">
      <h1>{t('roleChange.removedTitle')}</h1>
      <p role="alert">{t('roleChange.removed', { workspace: workspaceName })}</p>
      <p>
        <Link href="/">{t('app.backHome')}</Link>
      </p>
    </div>
  );
}
