import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

function format(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The round's countdown, the same for everyone because it counts towards one moment
 * (`timerEndsAt`) rather than from when each person's screen started it. A clock that is
 * off by some seconds shows that much difference; good enough for a workshop round.
 */
export function Countdown({ endsAt }: { endsAt: number }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = endsAt - now;
  return (
    <p className={`board-timer${left <= 0 ? ' board-timer--up' : ''}`} data-testid="board-timer" role="timer" aria-live="off">
      {left > 0 ? t('board.timeLeft', { time: format(left) }) : t('board.timeUp')}
    </p>
  );
}
