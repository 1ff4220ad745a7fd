import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Member } from '../../../shared/api';
import { useI18n } from '../i18n/i18n';

export interface ComposedComment {
  body: string;
  mentions: string[];
}

interface Props {
  members: Member[];
  placeholder: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  testId?: string;
  onSubmit(comment: ComposedComment): Promise<void>;
  onCancel?(): void;
}

/** The `@query` right before the caret, if the person is typing a mention. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,30})$/u.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() } : null;
}

/**
 * A comment box where `@` offers the workspace's members. A mention is written as
 * `@Name` in the text; the ids sent along are those whose `@Name` is still there.
 */
export function MentionComposer({ members, placeholder, submitLabel, initial = '', autoFocus, testId, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [busy, setBusy] = useState(false);

  const options = useMemo(
    () => (query ? members.filter((m) => m.user.name.toLowerCase().includes(query.query)).slice(0, 6) : []),
    [members, query],
  );

  function update(value: string, caret: number) {
    setText(value);
    setQuery(mentionQuery(value, caret));
    setHighlighted(0);
  }

  function pick(member: Member) {
    if (!query) return;
    const caret = ref.current?.selectionStart ?? text.length;
    const inserted = `@${member.user.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(next);
    setQuery(null);
    const at = query.start + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  }

  async function submit() {
    const body = text.trim();
    if (!body || busy) return;
    const mentions = members.filter((m) => body.includes(`@${m.user.name}`)).map((m) => m.user.id);
    setBusy(true);
    try {
      await onSubmit({ body, mentions });
      setText('');
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (options.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((h) => (h + step + options.length) % options.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(options[highlighted]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && onCancel) {
      onCancel();
    }
  }

  const open = options.length > 0;
  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="comment-composer__field">
        <textarea
          ref={ref}
          value={text}
          rows={2}
          placeholder={placeholder}
          aria-label={placeholder}
          autoFocus={autoFocus}
          data-testid={testId}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
          onChange={(e) => update(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul id={listId} role="listbox" className="mention-list" aria-label={t('comments.mentionList')} data-testid="mention-list">
            {options.map((m, i) => (
              <li
                key={m.user.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === highlighted}
                className={i === highlighted ? 'mention-list__item mention-list__item--active' : 'mention-list__item'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                {m.user.name} <span className="muted small">{m.user.organization}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="comment-composer__actions">
        <button type="submit" className="button button--small" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
