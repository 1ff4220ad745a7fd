import { Avatar } from '../components/Avatar';
import { useI18n } from '../i18n/i18n';
import type { PresentPerson } from './useBoardPresence';

/** Faces shown before the rest is summed up as "+N": a room of forty fits on one line. */
const SHOWN = 8;

/** Who is on the board now: avatars with name and organisation, a count when many. */
export function BoardPresenceBar({ people, selfId }: { people: PresentPerson[]; selfId: string }) {
  const { t } = useI18n();
  const shown = people.slice(0, SHOWN);
  const rest = people.length - shown.length;
  return (
    <section className="board-presence" aria-label={t('board.present', { count: people.length })} data-testid="board-presence">
      <p className="board-presence__count small">{t('board.present', { count: people.length })}</p>
      <ul className="board-presence__people">
        {shown.map((p) => (
          <li key={p.id} title={`${p.name} — ${p.organization}`} data-testid="board-present-person">
            <Avatar name={p.name} color={p.color} />
            <span className="board-presence__name">
              {p.name}
              {p.id === selfId && <span className="muted"> {t('workspace.you')}</span>}
              {p.organization && <span className="muted board-presence__org"> · {p.organization}</span>}
            </span>
          </li>
        ))}
        {rest > 0 && (
          <li className="board-presence__more" title={people.slice(SHOWN).map((p) => `${p.name} — ${p.organization}`).join('\n')}>
            {t('board.presentMore', { count: rest })}
          </li>
        )}
      </ul>
    </section>
  );
}
