import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommentAuthor, CommentThread } from '../../../shared/comments';
import { hasRole } from '../../../shared/roles';
import type { Member } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { useI18n } from '../i18n/i18n';
import { commentsApi } from './api';
import { MentionComposer } from './MentionComposer';

interface Props {
  thread: CommentThread;
  userId: string;
  role: Role;
  members: Member[];
  active: boolean;
  onActivate(): void;
  /** Something changed on the server: refetch. */
  onChanged(): Promise<void>;
  onError(err: unknown): void;
}

/** `@Name` of a mentioned member is shown as a mention; everything else as typed. */
function withMentions(body: string, mentionIds: string[], members: Member[]): ReactNode[] {
  const names = members.filter((m) => mentionIds.includes(m.user.id)).map((m) => `@${m.user.name}`);
  if (names.length === 0) return [body];
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return body.split(new RegExp(`(${escaped.join('|')})`, 'g')).map((part, i) =>
    names.includes(part) ? (
      <span key={i} className="comment-mention">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

function Comment(props: {
  author: CommentAuthor;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  members: Member[];
  mine: boolean;
  canChange: boolean;
  /** False for an opening comment others answered: the server keeps their words (409). */
  deletable?: boolean;
  onSave(body: string, mentions: string[]): Promise<void>;
  onDelete(): Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <div className="comment">
      <div className="comment__meta">
        <span className="comment__dot" style={{ background: props.author.color }} aria-hidden="true" />
        <strong>{props.author.name}</strong>
        <span className="muted small">
          {formatDate(props.createdAt, true)} {props.editedAt && t('comments.edited')}
        </span>
      </div>
      {editing ? (
        <MentionComposer
          members={props.members}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          initial={props.body}
          autoFocus
          onSubmit={async ({ body, mentions }) => {
            await props.onSave(body, mentions);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment__body">{withMentions(props.body, props.mentions, props.members)}</p>
      )}
      {props.mine && props.canChange && !editing && (
        <div className="comment__tools">
          <button type="button" className="link-button small" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </button>
          {props.deletable !== false && (
            <button type="button" className="link-button small" onClick={() => void props.onDelete()}>
              {t('comments.delete')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** One thread: the quoted text, the opening comment, replies, and what the caller may do with it. */
export function ThreadCard({ thread, userId, role, members, active, onActivate, onChanged, onError }: Props) {
  const { t } = useI18n();
  const canComment = hasRole(role, 'commenter');
  const canResolve = canComment && (thread.author.id === userId || hasRole(role, 'editor'));
  const ref = useRef<HTMLElement>(null);
  // A click on a highlight in the text brings its thread into view in the panel.
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await onChanged();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <article
      ref={ref}
      className={`thread${active ? ' thread--active' : ''}${thread.resolved ? ' thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      onClick={onActivate}
    >
      <blockquote className="thread__quote">{thread.quote}</blockquote>
      <Comment
        author={thread.author}
        body={thread.body}
        mentions={thread.mentions}
        createdAt={thread.createdAt}
        editedAt={thread.editedAt}
        members={members}
        mine={thread.author.id === userId}
        canChange={canComment}
        deletable={thread.replies.every((r) => r.author.id === userId)}
        onSave={(body, mentions) => run(() => commentsApi.update(thread.id, { body, mentions }))}
        onDelete={() => run(() => commentsApi.remove(thread.id))}
      />
      {thread.replies.map((r) => (
        <Comment
          key={r.id}
          author={r.author}
          body={r.body}
          mentions={r.mentions}
          createdAt={r.createdAt}
          editedAt={r.editedAt}
          members={members}
          mine={r.author.id === userId}
          canChange={canComment}
          onSave={(body, mentions) => run(() => commentsApi.updateReply(thread.id, r.id, { body, mentions }))}
          onDelete={() => run(() => commentsApi.removeReply(thread.id, r.id))}
        />
      ))}
      {thread.resolved && thread.resolvedBy && (
        <p className="small muted" data-testid="resolved-by">
          {t('comments.resolvedBy', { name: thread.resolvedBy.name })}
        </p>
      )}
      {canComment && !thread.resolved && (
        <MentionComposer
          members={members}
          placeholder={t('comments.replyPlaceholder')}
          submitLabel={t('comments.reply')}
          testId="reply-input"
          onSubmit={({ body, mentions }) => run(() => commentsApi.reply(thread.id, { body, mentions }))}
        />
      )}
      {canResolve && (
        <button
          type="button"
          className="button button--quiet button--small thread__resolve"
          onClick={() => void run(() => commentsApi.update(thread.id, { resolved: !thread.resolved }))}
        >
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </button>
      )}
    </article>
  );
}
