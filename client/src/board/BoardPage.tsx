import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type * as Y from 'yjs';
import type { DocumentMeta, Member } from '../../../shared/api';
import { canWriteBoard, type Role } from '../../../shared/roles';
import { ConnectionIndicator } from '../editor/ConnectionIndicator';
import type { CollabSession } from '../editor/collab-session';
import { useCollabSession } from '../editor/useCollabSession';
import { useI18n } from '../i18n/i18n';
import { useUser } from '../session/session';
import * as ops from './board-doc';
import { BoardColumn, type ColumnActions } from './BoardColumn';
import { BoardCard, type CardActions } from './BoardCard';
import { BoardPresenceBar } from './BoardPresenceBar';
import { ColumnTabs, tabIdFor } from './ColumnTabs';
import { Countdown, useTimerSound } from './Countdown';
import { DraftButton } from './DraftButton';
import { FacilitatorBar, type FacilitatorActions } from './FacilitatorBar';
import { GuestNotice } from './GuestNotice';
import { JoinCode } from './JoinCode';
import { LockIcon } from './LockIcon';
import { MoveCardDialog } from './MoveCardDialog';
import { PresentationView } from './PresentationView';
import { dropCard, moveByKey, arranged, placeCard } from './card-moves';
import { orderAt } from './card-order';
import { useBoardPresence } from './useBoardPresence';
import { useBoardView } from './useBoardView';
import { useJoinSession } from './useJoinSession';
import { useMediaQuery } from './useMediaQuery';
import { BoardRefusalNotice, useBoardRefusal } from './BoardRefusal';
import { useMembers } from './useMembers';
import { useBallot } from './useBallot';
import { request } from '../api/http';
import { ErrorAlert } from '../components/ErrorAlert';
import './board.css';

interface Props {
  document: DocumentMeta;
  role: Role;
  members: Member[];
  /** The document page's header, given what the board adds to it (the connection state). */
  header(extra: ReactNode): ReactNode;
}

/** A workshop board ("atelier") document: header, then the live board once the session is open. */
export function BoardPage({ document, role, members, header }: Props) {
  const user = useUser();
  const session = useCollabSession(document.id, user.id, { workspaceId: document.workspaceId });
  useBoardRefusal(session, document.id);
  return (
    <>
      <h1 className="visually-hidden">{document.title}</h1>
      {header(session && <ConnectionIndicator session={session} />)}
      <BoardRefusalNotice documentId={document.id} />
      <GuestNotice />
      {session && <Board key={document.id} session={session} document={document} role={role} members={members} />}
    </>
  );
}

/** Group drop zones win when the pointer is inside one; otherwise the nearest card or column. */
const collisions: CollisionDetection = (args) => {
  const isGroup = (id: unknown) => String(id).startsWith('group:');
  const zones = args.droppableContainers.filter((c) => isGroup(c.id));
  if (zones.length > 0) {
    const hits = pointerWithin({ ...args, droppableContainers: zones });
    if (hits.length > 0) return hits;
  }
  return closestCorners({ ...args, droppableContainers: args.droppableContainers.filter((c) => !isGroup(c.id)) });
};

function Board({ session, document, role, members: initialMembers }: { session: CollabSession; document: DocumentMeta; role: Role; members: Member[] }) {
  const doc: Y.Doc = session.doc;
  const { t } = useI18n();
  const members = useMembers(document.workspaceId, initialMembers, doc);
  const user = useUser();
  const [, navigate] = useLocation();
  const search = useSearch();
  const presenting = new URLSearchParams(search).has('presentatie');
  const [byVotes, setByVotes] = useState(false);
  const [columnTitle, setColumnTitle] = useState('');
  const [status, setStatus] = useState('');
  const [resetError, setResetError] = useState<unknown>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [editingCard, setEditingCard] = useState<string | null>(null);
  const [activeColumn, setActiveColumn] = useState<string | null>(null);
  const [sound, setSound] = useTimerSound();
  const narrow = useMediaQuery('(max-width: 40rem)');
  const focusRequest = useRef<string | null>(null);
  const memberIds = useMemo(() => new Set(members.map((m) => m.user.id)), [members]);
  const people = useMemo(() => new Map(members.map((m) => [m.user.id, m.user])), [members]);
  const self = useMemo(() => ({ id: user.id, name: user.name, organization: user.organization, color: user.color }), [user]);
  const writer = canWriteBoard(role);
  const ballot = useBallot(document.id, writer);
  const view = useBoardView(doc, memberIds, user.id, byVotes, ballot);
  const presence = useBoardPresence(session.provider, self, editingCard);
  const join = useJoinSession(document.id);

  const isOwner = role === 'owner';
  const open = !view.locked || isOwner;
  const canAdd = writer && open;
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A press of a quarter second picks a card up; a swipe before that scrolls the column.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const shownColumn = view.columns.find((c) => c.id === activeColumn) ?? view.columns[0];

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

  const announceMove = (id: string, column: { title: string }, index: number) => {
    focusRequest.current = id;
    setStatus(t('board.moved', { column: column.title, position: index + 1 }));
  };
  const cardActions: CardActions = {
    edit: (id, changes) => ops.editCard(doc, id, changes),
    remove: (id) => ops.deleteCard(doc, id),
    vote: (id) => void ops.vote(doc, id, user.id, ballot),
    unvote: (id) => ops.unvote(doc, id, user.id, ballot),
    moveByKey: (id, direction) => {
      const moved = moveByKey(doc, view.columns, id, direction);
      if (moved) announceMove(id, moved.column, moved.index);
    },
    openMove: (id) => setMoving(id),
    ungroup: (id) => ops.ungroupCard(doc, id),
    editing: setEditingCard,
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
      const orders = column ? arranged(column).map((c) => c.order) : [];
      ops.addCard(doc, { columnId, text, authorId: user.id, order: orderAt(orders, orders.length) });
    },
    renameGroup: (id, title) => ops.renameGroup(doc, id, title),
  };
  const setPresenting = (on: boolean) => navigate(`/d/${document.id}${on ? '?presentatie' : ''}`);
  const facilitator: FacilitatorActions = {
    setLocked: (locked) => ops.setLocked(doc, locked),
    setVotesPerPerson: (n) => ops.setVotesPerPerson(doc, n),
    setVotesHidden: (hidden) => ops.setVotesHidden(doc, hidden),
    startTimer: (minutes) => ops.setTimer(doc, Date.now() + minutes * 60_000),
    stopTimer: () => ops.setTimer(doc, null),
    // Hidden votes are on everyone's own ballot, which only the server may empty.
    resetVotes: () => void request('DELETE', `/api/documents/${encodeURIComponent(document.id)}/votes`).catch(setResetError),
    startSession: (requireEmail) => void join.start(requireEmail),
    endSession: () => void join.end(),
    present: () => setPresenting(true),
  };

  function onDragEnd(e: DragEndEvent) {
    setDragging(null);
    if (!e.over) return;
    const over = String(e.over.id);
    if (over.startsWith('group:')) ops.groupCards(doc, String(e.active.id), over.slice('group:'.length));
    else dropCard(doc, view.columns, String(e.active.id), over);
  }

  function addColumn(e: FormEvent) {
    e.preventDefault();
    if (columnTitle.trim() === '') return;
    const id = ops.addColumn(doc, columnTitle.trim());
    setColumnTitle('');
    setActiveColumn(id);
  }

  if (presenting) {
    return <PresentationView title={document.title} view={view} session={join.session} peopleCount={presence.people.length} sound={sound} onClose={() => setPresenting(false)} />;
  }

  const renderCard = (card: (typeof view.columns)[number]['cards'][number]) => {
    const mayEdit = writer && open && (isOwner || card.authorId === user.id);
    return (
      <BoardCard
        key={card.id}
        card={card}
        author={people.get(card.authorId) ?? null}
        permissions={{ mayEdit, mayVote: writer && open, mayGroup: isOwner }}
        votesLeft={view.votesLeft}
        votesHidden={view.votesHidden}
        editors={presence.editing.get(card.id) ?? []}
        showGroupZone={isOwner && dragging !== null && dragging !== card.id}
        actions={cardActions}
      />
    );
  };
  const renderColumn = (column: (typeof view.columns)[number], i: number, tabbed: boolean) => (
    <BoardColumn
      key={column.id}
      column={column}
      index={i}
      count={view.columns.length}
      isOwner={isOwner && open}
      canAdd={canAdd}
      groups={view.groups}
      votesHidden={view.votesHidden}
      actions={columnActions}
      renderCard={renderCard}
      tabId={tabbed ? tabIdFor(column.id) : undefined}
    />
  );

  return (
    <div className="board" data-testid="board" data-locked={view.locked}>
      <BoardPresenceBar people={presence.people} selfId={user.id} />
      {isOwner && <FacilitatorBar view={view} actions={facilitator} sessionRunning={join.session !== null} sound={sound} setSound={setSound} />}
      <ErrorAlert error={resetError} onDismiss={() => setResetError(null)} />
      {isOwner && join.session && (
        <details className="board-session" open>
          <summary>{t('session.running')}</summary>
          <JoinCode session={join.session} />
        </details>
      )}
      <div className="board-status">
        {view.locked && (
          <p className="board-locked" data-testid="board-locked" role="status">
            <LockIcon /> <strong>{t('board.locked')}</strong> — {t('board.lockedNotice')}
          </p>
        )}
        {!writer && <p className="notice">{t('board.readOnly', { role: t(`role.${role}`) })}</p>}
        {view.timerEndsAt !== null && <Countdown endsAt={view.timerEndsAt} sound={sound} />}
        {view.votesHidden && (
          <p className="board-hidden-votes small" data-testid="votes-hidden-notice">
            {t('board.votesHiddenNotice')}
          </p>
        )}
        {canAdd && (
          <p className="small" data-testid="votes-left" aria-live="polite">
            {view.votesLeft > 0 ? t('board.votesLeft', { left: view.votesLeft, count: view.votesPerPerson }) : t('board.noVotesLeft', { count: view.votesPerPerson })}
          </p>
        )}
        {!view.votesHidden && (
          <label className="small board-sort">
            <input type="checkbox" checked={byVotes} onChange={(e) => setByVotes(e.target.checked)} /> {t('board.sortByVotes')}
          </label>
        )}
        {isOwner && <DraftButton boardId={document.id} />}
      </div>
      <p id="board-move-hint" className="visually-hidden">
        {t('board.moveHint')}
      </p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={(e) => setDragging(String(e.active.id))}
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
      >
        {narrow && shownColumn ? (
          <div className="board-tabbed">
            <ColumnTabs columns={view.columns} active={shownColumn.id} onSelect={setActiveColumn} />
            {renderColumn(shownColumn, view.columns.indexOf(shownColumn), true)}
          </div>
        ) : (
          <ul className="board-columns" aria-label={t('board.columnsLabel')}>
            {view.columns.map((column, i) => (
              <li key={column.id} className="board-columns__item">
                {renderColumn(column, i, false)}
              </li>
            ))}
          </ul>
        )}
      </DndContext>
      {isOwner && open && (
        <form className="board-new-column" onSubmit={addColumn}>
          <label htmlFor="board-new-column">{t('board.newColumnTitle')}</label>
          <input id="board-new-column" type="text" value={columnTitle} onChange={(e) => setColumnTitle(e.target.value)} />
          <button type="submit" className="button button--small">
            {t('board.addColumn')}
          </button>
        </form>
      )}
      {view.columns.length === 0 && <p className="empty">{isOwner ? t('board.emptyOwner') : t('board.empty')}</p>}
      {moving && (
        <MoveCardDialog
          cardId={moving}
          columns={view.columns}
          onClose={() => setMoving(null)}
          onMove={(columnId, index) => {
            const target = view.columns.find((c) => c.id === columnId);
            if (!target) return;
            placeCard(doc, moving, target, index);
            announceMove(moving, target, index);
            if (narrow) setActiveColumn(columnId);
          }}
        />
      )}
    </div>
  );
}
