import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type * as Y from 'yjs';
import { api } from '../api/endpoints';
import type { DocumentMeta, Member } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { canWriteContent } from '../../../shared/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConnectionIndicator } from '../editor/ConnectionIndicator';
import { PresenceList } from '../editor/PresenceList';
import { useCollabSession } from '../editor/useCollabSession';
import { useI18n } from '../i18n/i18n';
import { useUser } from '../session/session';
import * as ops from './board-doc';
import { BoardColumn, type ColumnActions } from './BoardColumn';
import type { CardActions } from './BoardCard';
import { Countdown } from './Countdown';
import { FacilitatorBar, type FacilitatorActions } from './FacilitatorBar';
import { dropCard, moveByKey, arranged } from './card-moves';
import { useBoardView } from './useBoardView';
import { useMembers } from './useMembers';
import './board.css';

interface Props {
  document: DocumentMeta;
  role: Role;
  members: Member[];
  /** The document page's header, given what the board adds to it (the connection state). */
  header(extra: ReactNode): ReactNode;
}

/** A workshop board document: header, facilitation, then the live board once the session is open. */
export function BoardPage({ document, role, members, header }: Props) {
  const user = useUser();
  const session = useCollabSession(document.id, user.id);
  const self = useMemo(() => ({ id: user.id, name: user.name, organization: user.organization, color: user.color }), [user]);
  return (
    <>
      {header(session && <ConnectionIndicator session={session} />)}
      {session && <PresenceList session={session} self={self} />}
      {session && <Board key={document.id} doc={session.doc} document={document} role={role} members={members} />}
    </>
  );
}

function Board({ doc, document, role, members: initialMembers }: { doc: Y.Doc; document: DocumentMeta; role: Role; members: Member[] }) {
  const { t } = useI18n();
  const members = useMembers(document.workspaceId, initialMembers, doc);
  const user = useUser();
  const [, navigate] = useLocation();
  const [byVotes, setByVotes] = useState(false);
  const [columnTitle, setColumnTitle] = useState('');
  const [status, setStatus] = useState('');
  const [drafting, setDrafting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const focusRequest = useRef<string | null>(null);
  const memberIds = useMemo(() => new Set(members.map((m) => m.user.id)), [members]);
  const people = useMemo(() => new Map(members.map((m) => [m.user.id, m.user])), [members]);
  const view = useBoardView(doc, memberIds, user.id, byVotes);

  const isOwner = role === 'owner';
  const canEdit = canWriteContent(role) && (!view.locked || isOwner);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const textOf = (id: unknown) => view.columns.flatMap((c) => c.cards).find((c) => c.id === id)?.text ?? '';
  const columnOf = (id: unknown) => {
    const key = String(id);
    return view.columns.find((c) => `column:${c.id}` === key || c.cards.some((card) => card.id === key))?.title ?? '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.dnd.start', { card: textOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('board.dnd.over', { card: textOf(active.id), column: columnOf(over.id) }) : undefined),
    onDragEnd: ({ active }) => t('board.dnd.end', { card: textOf(active.id) }),
    onDragCancel: () => t('board.dnd.cancel'),
  };

  const cardActions: CardActions = {
    edit: (id, changes) => ops.editCard(doc, id, changes),
    remove: (id) => ops.deleteCard(doc, id),
    vote: (id) => void ops.vote(doc, id, user.id),
    unvote: (id) => ops.unvote(doc, id, user.id),
    moveByKey: (id, direction) => {
      const moved = moveByKey(doc, view.columns, id, direction);
      if (!moved) return;
      focusRequest.current = id;
      setStatus(t('board.moved', { column: moved.column.title, position: moved.index + 1 }));
    },
    takeFocus: (id) => {
      if (focusRequest.current !== id) return false;
      focusRequest.current = null;
      return true;
    },
  };
  const columnActions: ColumnActions = {
    rename: (id, title) => ops.renameColumn(doc, id, title),
    move: (id, delta) => ops.moveColumn(doc, id, delta),
    remove: (id) => {
      const column = view.columns.find((c) => c.id === id);
      if (column && window.confirm(t('board.confirmDeleteColumn', { title: column.title, count: column.cards.length }))) ops.deleteColumn(doc, id);
    },
    addCard: (columnId, text) => {
      const column = view.columns.find((c) => c.id === columnId);
      const last = column ? arranged(column).at(-1)?.order ?? null : null;
      ops.addCard(doc, { columnId, text, authorId: user.id, order: ops.orderBetween(last, null) });
    },
  };
  const facilitator: FacilitatorActions = {
    setLocked: (locked) => ops.setLocked(doc, locked),
    setVotesPerPerson: (n) => ops.setVotesPerPerson(doc, n),
    startTimer: (minutes) => ops.setTimer(doc, Date.now() + minutes * 60_000),
    stopTimer: () => ops.setTimer(doc, null),
    resetVotes: () => ops.resetVotes(doc),
  };

  function onDragEnd(e: DragEndEvent) {
    if (e.over) dropCard(doc, view.columns, String(e.active.id), String(e.over.id));
  }

  function addColumn(e: FormEvent) {
    e.preventDefault();
    if (columnTitle.trim() === '') return;
    ops.addColumn(doc, columnTitle.trim());
    setColumnTitle('');
  }

  async function makeDraft() {
    setError(null);
    setDrafting(true);
    try {
      const { document: draft } = await api.draftFromBoard(document.id);
      navigate(`/d/${draft.id}`);
    } catch (err) {
      setError(err);
      setDrafting(false);
    }
  }

  return (
    <div className="board" data-testid="board" data-locked={view.locked}>
      {isOwner && <FacilitatorBar view={view} actions={facilitator} />}
      <div className="board-status">
        {view.locked && (
          <p className="board-locked" data-testid="board-locked" role="status">
            <strong>🔒 {t('board.locked')}</strong> — {t('board.lockedNotice')}
          </p>
        )}
        {!canWriteContent(role) && <p className="notice">{t('board.readOnly', { role: t(`role.${role}`) })}</p>}
        {view.timerEndsAt !== null && <Countdown endsAt={view.timerEndsAt} />}
        {canEdit && (
          <p className="small" data-testid="votes-left" aria-live="polite">
            {view.votesLeft > 0 ? t('board.votesLeft', { left: view.votesLeft, total: view.votesPerPerson }) : t('board.noVotesLeft', { total: view.votesPerPerson })}
          </p>
        )}
        <label className="small board-sort">
          <input type="checkbox" checked={byVotes} onChange={(e) => setByVotes(e.target.checked)} /> {t('board.sortByVotes')}
        </label>
        {canWriteContent(role) && (
          <button type="button" className="button button--small" disabled={drafting} onClick={() => void makeDraft()}>
            {drafting ? t('board.makingDraft') : t('board.makeDraft')}
          </button>
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <p id="board-move-hint" className="visually-hidden">
        {t('board.moveHint')}
      </p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
      >
        <div className="board-columns" role="list" aria-label={t('board.columnsLabel')}>
          {view.columns.map((column, i) => (
            <div role="listitem" key={column.id} className="board-columns__item">
              <BoardColumn
                column={column}
                index={i}
                count={view.columns.length}
                canEdit={canEdit}
                votesLeft={view.votesLeft}
                authorOf={(id) => people.get(id) ?? null}
                actions={columnActions}
                cardActions={cardActions}
              />
            </div>
          ))}
          {canEdit && (
            <div className="board-columns__item">
              <form className="board-column board-column--new" onSubmit={addColumn}>
                <label htmlFor="board-new-column">{t('board.newColumnTitle')}</label>
                <input id="board-new-column" type="text" value={columnTitle} onChange={(e) => setColumnTitle(e.target.value)} />
                <button type="submit" className="button button--small">
                  {t('board.addColumn')}
                </button>
              </form>
            </div>
          )}
        </div>
      </DndContext>
      {view.columns.length === 0 && !canEdit && <p className="empty">{t('board.empty')}</p>}
    </div>
  );
}
