import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

function format(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

const SOUND_KEY = 'stadskamer.timerSound';

/** Whether this device plays a sound when the round ends (a choice per screen: the projector yes, phones no). */
export function useTimerSound(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const set = (next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
    } catch {
      // the choice lasts for this page only
    }
  };
  return [on, set];
}

/** Three short tones, made on the spot: no audio file to load on poor venue Wi-Fi. */
function chime(): void {
  try {
    const ctx = new AudioContext();
    [0, 0.35, 0.7].forEach((at) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, ctx.currentTime + at);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + at + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.3);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // no audio on this device
  }
}

/**
 * The round's countdown, the same for everyone because it counts towards one moment
 * (`timerEndsAt`) rather than from when each person's screen started it. When it runs out
 * a banner stays until the facilitator clears the timer; a sound plays where switched on.
 */
export function Countdown({ endsAt, sound = false, large = false }: { endsAt: number; sound?: boolean; large?: boolean }) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now);
  const wasRunning = useRef(endsAt > Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = endsAt - now;
  useEffect(() => {
    if (left > 0) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      if (sound) chime();
    }
  }, [left, sound]);
  const cls = `board-timer${large ? ' board-timer--large' : ''}${left <= 0 ? ' board-timer--up' : ''}`;
  return (
    <p className={cls} data-testid="board-timer" role="timer" aria-live="off">
      {left > 0 ? t('board.timeLeft', { time: format(left) }) : t('board.timeUp')}
    </p>
  );
}
