import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/endpoints';
import type { DocumentMeta, Member, Workspace } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { canComment, canWriteContent } from '../../../shared/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../components/useLoad';
import { usePageTitle } from '../components/usePageTitle';
import { CollaborativeEditor } from '../editor/CollaborativeEditor';
import { ConnectionIndicator } from '../editor/ConnectionIndicator';
import { RefusedEditsNotice, useRefusal } from '../editor/RefusedEditsNotice';
import { SaveIndicator, useWarnBeforeLeaving } from '../editor/SaveIndicator';
import { TooDeepNotice } from '../editor/TooDeepNotice';
import { plainTextBlocks } from '../editor/content-depth';
import { PresenceList } from '../editor/PresenceList';
import { useCollabSession, useContentTooDeep } from '../editor/useCollabSession';
import type { CollabSession } from '../editor/collab-session';
import { useI18n } from '../i18n/i18n';
import { useUser } from '../session/session';
import { DocumentHeader } from './DocumentHeader';
import { CommentHighlights } from '../comments/comment-highlights';
import { CommentsPanel, createCommentHooks } from '../comments/CommentsPanel';
import { isMetadataChange } from '../live/metadata-change';
import { useWorkspaceEvents } from '../live/useWorkspaceEvents';
import { BoardPage } from '../board/BoardPage';
import { DownloadMenu } from './DownloadMenu';
import { ImagePaste, type ImagePasteOptions } from '../editor/image-paste';
import { describeUploadError, uploadImage } from './upload-api';
import { isNetworkFailure, recallDocument, rememberDocument } from '../offline/document-cache';
import { useMembershipWatch } from '../members/useMembershipWatch';
import { useDemotionGuard, type DemotionGuard } from '../members/useDemotionGuard';
import { UnacceptedText } from '../members/UnacceptedText';
import { RemovedNotice } from '../members/RemovedNotice';
import { HistoryPanel } from '../versions/HistoryPanel';
import { EditorTools } from '../suggestions/EditorTools';
import { SuggestionSession } from '../suggestions/suggestion-session';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';

type Loaded = { document: DocumentMeta; workspace: Awaited<ReturnType<typeof api.getWorkspace>>['workspace']; role: Role; members: Awaited<ReturnType<typeof api.getWorkspace>>['members'] };

/** A document: its metadata and the caller's role first, then the editor or the workshop board. */
export function DocumentPage({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const [loaded, reload, replace] = useLoad(async () => {
    try {
      const { document } = await api.getDocument(documentId);
      const { workspace, members } = await api.getWorkspace(document.workspaceId);
      const role: Role = members.find((m) => m.user.id === user.id)?.role ?? 'viewer';
      const context = { document, workspace, role, members };
      rememberDocument(user.id, context);
      return { ...context, offline: false };
    } catch (err) {
      // Offline: a document opened here before still opens, from this device's copy.
      const remembered = isNetworkFailure(err) ? recallDocument<Loaded>(user.id, documentId) : null;
      if (remembered) return { ...remembered, offline: true };
      throw err;
    }
  }, [documentId, user.id]);

  usePageTitle(loaded.status === 'ok' ? loaded.data.document.title : null);
  // Someone else's rename or status change shows at once (content edits arrive through the socket).
  useWorkspaceEvents(loaded.status === 'ok' ? loaded.data.document.workspaceId : null, (e) => {
    if (e.subject === documentId && isMetadataChange(e)) reload();
  });

  if (loaded.status === 'loading') return <p className="page muted">{t('app.loading')}</p>;
  if (loaded.status === 'error')
    return (
      <div className="page">
        <ErrorAlert error={loaded.error} />
        <p>
          <Link href="/">{t('app.backHome')}</Link>
        </p>
      </div>
    );

  return <OpenDocument data={loaded.data} onChange={(next) => replace({ ...loaded.data, document: next })} />;
}

interface LoadedDocument {
  document: DocumentMeta;
  workspace: Workspace;
  role: Role;
  members: Member[];
  /** Opened from this device's copy while offline. */
  offline: boolean;
}

/** A loaded document, following the reader's own role: read-only at once when demoted, closed when removed. */
function OpenDocument({ data, onChange }: { data: LoadedDocument; onChange(d: DocumentMeta): void }) {
  const { t } = useI18n();
  const user = useUser();
  const { document, workspace } = data;
  const [refused, setRefused] = useState(false);
  const membership = useMembershipWatch(workspace.id, user.id, data.role, refused);
  const onRefused = useCallback(() => setRefused(true), []);
  if (membership.status === 'removed') return <RemovedNotice workspaceName={workspace.name} workspaceId={workspace.id} userId={user.id} />;
  const role = membership.role;
  return (
    <div className="page">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <p className="small">
          <Link href={`/w/${workspace.id}`}>← {t('doc.back', { workspace: workspace.name })}</Link>
        </p>
        <DownloadMenu documentId={document.id} kind={document.kind} />
      </div>
      {data.offline && (
        <p className="notice" role="status" data-testid="offline-copy">
          {t('offline.localCopy')}
        </p>
      )}
      {document.kind === 'board' ? (
        <BoardPage
          document={document}
          role={role}
          members={data.members}
          header={(extra) => (
            <DocumentHeader document={document} role={role} onChange={onChange}>
              {extra}
            </DocumentHeader>
          )}
        />
      ) : (
        <TextDocument document={document} role={role} onChange={onChange} onRefused={onRefused} />
      )}
    </div>
  );
}

function TextDocument({ document, role, onChange, onRefused }: { document: DocumentMeta; role: Role; onChange(d: DocumentMeta): void; onRefused(): void }) {
  const { t } = useI18n();
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const session = useCollabSession(document.id, user.id, { workspaceId: document.workspaceId, generation });
  const guard = useDemotionGuard(session, document.id, user.id, canWriteContent(role) && document.archivedAt === null);
  useEffect(() => setGeneration(guard.generation), [guard.generation]);
  useEffect(() => session?.subscribe((state) => state === 'denied' && onRefused()), [session, onRefused]);
  const [history, setHistory] = useState(false);
  return (
    <>
      <DocumentHeader document={document} role={role} onChange={onChange}>
        {session && <ConnectionIndicator session={session} />}
        {session && canWriteContent(role) && <SaveIndicator tracker={session.save} />}
        <button type="button" className="button button--quiet" aria-expanded={history} onClick={() => setHistory((open) => !open)} data-testid="history-toggle">
          {t('versions.open')}
        </button>
      </DocumentHeader>
      {history && <HistoryPanel document={document} role={role} onClose={() => setHistory(false)} />}
      {session && <TextDocumentBody session={session} document={document} role={role} guard={guard} />}
    </>
  );
}

function TextDocumentBody({ session, document, role, guard }: { session: CollabSession; document: DocumentMeta; role: Role; guard: DemotionGuard }) {
  const { t } = useI18n();
  const user = useUser();
  const refusal = useRefusal(document.id);
  const tooDeep = useContentTooDeep(session);
  // Editors write (or suggest); commenters and participants suggest. A demoted editor's
  // page turns read-only at once, so nothing typed meanwhile silently becomes a suggestion.
  const editable = canComment(role) && (canWriteContent(role) || !guard.demoted) && document.archivedAt === null && !refusal && !tooDeep;
  const suggestions = useMemo(() => new SuggestionSession(document.id), [document.id]);
  useWarnBeforeLeaving(session.save, t('save.leaveWarning'));
  const self = useMemo(() => ({ id: user.id, name: user.name, organization: user.organization, color: user.color }), [user]);
  const caretUser = useMemo(() => ({ id: user.id, name: user.name, color: user.color }), [user.id, user.name, user.color]);
  const commentHooks = useMemo(createCommentHooks, [document.id]);
  const [notice, setNotice] = useState<string | null>(null);
  const extensions = useMemo(() => {
    const onNotice: ImagePasteOptions['onNotice'] = (n) => {
      if (n.kind === 'uploading') setNotice(t('image.uploading'));
      else if (n.kind === 'done') setNotice(null);
      else if (n.kind === 'dropped') setNotice(t('import.skippedImages', { count: n.count }));
      else setNotice(describeUploadError(n.error, t));
    };
    return [
      ...suggestions.extensions(!canWriteContent(role)),
      CommentHighlights.configure({ hooks: commentHooks }),
      ImagePaste.configure({ upload: (file) => uploadImage(document.id, file, file.name || 'afbeelding.png'), onNotice }),
    ];
    // `t` and `role` change; the extensions must stay stable for the session (the
    // mode switch follows the role by itself).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [commentHooks, suggestions, document.id]);
  return (
    <>
      <PresenceList session={session} self={self} />
      {!canWriteContent(role) && !editable && (
        <p className="notice" data-testid="read-only" role={guard.demoted ? 'alert' : undefined} style={{ marginTop: 'var(--space-3)' }}>
          {guard.demoted ? `${t('roleChange.readOnlyNow')} ` : ''}
          {t('doc.readOnly', { role: t(`role.${role}`) })}
        </p>
      )}
      {guard.unaccepted && <UnacceptedText text={guard.unaccepted} onDismiss={guard.dismiss} />}
      <p className="notice" role="status" data-testid="editor-notice" hidden={notice === null} style={{ marginTop: 'var(--space-3)' }}>
        {notice}
      </p>
      {refusal && <RefusedEditsNotice refusal={refusal} text={() => plainTextBlocks(session.doc.getXmlFragment('default')).join('\n\n')} />}
      <div style={{ marginTop: 'var(--space-4)' }}>
        {tooDeep ? (
          <TooDeepNotice session={session} />
        ) : (
          <CollaborativeEditor
            key={document.id}
            session={session}
            user={caretUser}
            editable={editable}
            extensions={extensions}
            tools={(editor) => <EditorTools editor={editor} canEdit={canWriteContent(role)} />}
            aside={(editor) => (
              <div className="side-panels">
                <SuggestionsPanel editor={editor} session={suggestions} collab={session} documentId={document.id} workspaceId={document.workspaceId} userId={user.id} role={role} archived={document.archivedAt !== null} />
                <CommentsPanel editor={editor} session={session} hooks={commentHooks} documentId={document.id} workspaceId={document.workspaceId} userId={user.id} role={role} />
              </div>
            )}
          />
        )}
      </div>
    </>
  );
}
