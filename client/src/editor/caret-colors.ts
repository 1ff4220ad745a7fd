/**
 * Colours for the people in one document: eight hues far apart (also for the common colour
 * blindnesses: no two greens, red and green differ in lightness), each dark enough for
 * white text and for a caret on white (contrast ≥ 4.5:1). CSS classes carry them
 * (`person-color--N` in editor.css), so no inline style is needed under the CSP.
 */
export const CARET_PALETTE = ['#1d4ed8', '#b91c1c', '#15803d', '#7e22ce', '#c2410c', '#0e7490', '#be185d', '#854d0e'] as const;

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A palette slot per person, different for everyone present while there are fewer people
 * than colours. Each person starts from their own slot (so colours rarely change as people
 * come and go) and takes the next free one on a clash, in a fixed order so every browser
 * in the document assigns the same.
 */
export function assignColorSlots(userIds: Iterable<string>): Map<string, number> {
  const ids = [...new Set(userIds)].sort();
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const id of ids) {
    let slot = hash(id) % CARET_PALETTE.length;
    for (let tries = 0; tries < CARET_PALETTE.length && taken.has(slot); tries++) slot = (slot + 1) % CARET_PALETTE.length;
    taken.add(slot);
    slots.set(id, slot);
  }
  return slots;
}

interface AwarenessLike {
  getStates(): Map<number, Record<string, unknown>>;
}

/** The slots of everyone whose awareness state names a user (the server stamps it). */
export function colorSlotsFromAwareness(awareness: AwarenessLike, selfId: string): Map<string, number> {
  const ids = [selfId];
  for (const state of awareness.getStates().values()) {
    const user = state.user as { id?: unknown } | undefined;
    if (user && typeof user.id === 'string') ids.push(user.id);
  }
  return assignColorSlots(ids);
}
