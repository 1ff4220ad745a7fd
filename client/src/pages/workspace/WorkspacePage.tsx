import { useId, useState } from 'react';
import { api } from '../../api/endpoints';
import { DOCUMENT_KINDS } from '../../../../shared/documents';
import { canWriteContent } from '../../../../shared/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/i18n';
import { useUser } from '../../session/session';
import { DocumentSection } from './DocumentSection';
import { MembersPanel } from '../../members/MembersPanel';
import { ImportWordDialog } from '../../documents/ImportWordDialog';
import { allTags, CITY_SUGGESTIONS } from './tags';
import { LiveSidebar } from '../../live/LiveSidebar';
import { StreamStatus } from '../../live/StreamStatus';
import { useWorkspaceEvents } from '../../live/useWorkspaceEvents';
import { TrashAndArchive } from '../../documents/TrashAndArchive';
import { useTemplates } from '../../templates/useTemplates';
import { DOCUMENT_SORTS, sortDocuments, type DocumentSort } from '../../documents/document-sort';

/** A workspace: its documents in three groups with a tag filter, its members, and invites for owners. */
export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const filterId = useId();
  const sortId = useId();
  const [sort, setSort] = useState<DocumentSort>('updated');
  const [filterTag, setFilterTag] = useState<string | null>(null);
  const [loaded, reload] = useLoad(
    () => Promise.all([api.getWorkspace(workspaceId), api.listDocuments(workspaceId)]),
    [workspaceId],
  );
  const [templates, reloadTemplates] = useTemplates(workspaceId);
  // Lists follow what others do: a refetch keeps the shown data until the fresh answer arrives.
  const stream = useWorkspaceEvents(workspaceId, (e) => {
    if (e.type.startsWith('document.') || e.type.startsWith('member.')) reload();
  });

  usePageTitle(loaded.status === 'ok' ? loaded.data[0].workspace.name : null);

  if (loaded.status === 'loading') return <p className="page muted">{t('app.loading')}</p>;
  if (loaded.status === 'error')
    return (
      <div className="page">
        <ErrorAlert error={loaded.error} />
      </div>
    );

  const [{ workspace, members }, { documents }] = loaded.data;
  const role = members.find((m) => m.user.id === user.id)?.role ?? 'viewer';
  const canCreate = canWriteContent(role);
  const tags = allTags(documents, locale);

  return (
    <div className="page">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 'var(--space-4)' }}>
        <div>
          <h1 style={{ marginBottom: 'var(--space-1)' }}>{workspace.name}</h1>
          {workspace.description && <p className="muted">{workspace.description}</p>}
        </div>
        {canCreate && <ImportWordDialog workspaceId={workspaceId} />}
      </div>
      <StreamStatus state={stream} />
      <datalist id="city-suggestions">
        {CITY_SUGGESTIONS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="workspace-layout">
        <div>
          {!canCreate && <p className="notice">{t('workspace.readOnlyNotice', { role: t(`role.${role}`) })}</p>}
          <div className="field" style={{ maxWidth: '20rem' }}>
            <label htmlFor={filterId}>{t('workspace.filterLabel')}</label>
            {tags.length === 0 ? (
              <span className="field__hint" id={filterId}>
                {t('workspace.filterNone')}
              </span>
            ) : (
              <select id={filterId} value={filterTag ?? ''} onChange={(e) => setFilterTag(e.target.value || null)}>
                <option value="">{t('workspace.filterAll')}</option>
                {tags.map((tag) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="field" style={{ maxWidth: '20rem' }}>
            <label htmlFor={sortId}>{t('lifecycle.sortLabel')}</label>
            <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as DocumentSort)} data-testid="doc-sort">
              {DOCUMENT_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`lifecycle.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {DOCUMENT_KINDS.map((kind) => (
            <DocumentSection
              key={kind}
              workspaceId={workspaceId}
              kind={kind}
              documents={sortDocuments(documents.filter((d) => d.kind === kind), sort, locale)}
              canCreate={canCreate}
              filterTag={filterTag}
              templates={templates}
              canDeleteTemplates={role === 'owner'}
              onTemplatesChange={reloadTemplates}
            />
          ))}
          <TrashAndArchive workspaceId={workspaceId} role={role} documents={documents} />
        </div>
        <div className="live-sidebar">
          <MembersPanel workspaceId={workspaceId} members={members} selfId={user.id} onChanged={reload} />
          <LiveSidebar workspaceId={workspaceId} documents={documents} members={members} />
        </div>
      </div>
    </div>
  );
}
