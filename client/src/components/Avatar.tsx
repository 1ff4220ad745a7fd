/** Initials on the person's colour; the name itself is given by the caller as text. */
export function Avatar({ name, color }: { name: string; color?: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span className="avatar" style={color ? { background: color } : undefined} aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
