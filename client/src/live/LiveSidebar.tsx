import { useMemo } from 'react';
import type { DocumentMeta, Member } from '../../../shared/api';
import { useI18n } from '../i18n/i18n';
import { ActivityPanel } from './ActivityPanel';
import type { Names } from './describe-event';
import { OnlineList } from './OnlineList';
import './live.css';

/** The workspace page's live column: who is online now and what happened lately. */
export function LiveSidebar({ workspaceId, documents, members }: { workspaceId: string; documents: DocumentMeta[]; members: Member[] }) {
  const { t } = useI18n();
  const names = useMemo<Names>(() => {
    const titles = new Map(documents.map((d) => [d.id, d.title || t('doc.untitled')]));
    const people = new Map(members.map((m) => [m.user.id, m.user.name]));
    return { documentTitle: (id) => titles.get(id), memberName: (id) => people.get(id) };
  }, [documents, members, t]);
  return (
    <div className="live-sidebar">
      <OnlineList workspaceId={workspaceId} documentTitle={names.documentTitle} />
      <ActivityPanel workspaceId={workspaceId} names={names} />
    </div>
  );
}
