/** A padlock drawn as SVG: emoji fonts are missing on many city laptops and projectors. */
export function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <svg className="board-lock-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={open ? 'M5 7V4.5a3 3 0 0 1 5.8-1' : 'M5 7V4.5a3 3 0 0 1 6 0V7'} fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}
