import * as Y from 'yjs';

/** Where a struct lives: under a root type (by name) or inside a nested type's item. */
export type ParentRef = { root: string } | { item: Y.Item };

/**
 * A dry run of one client update against a room's document: what it inserts, what it
 * deletes, whether Yjs could integrate all of it, and what that costs — read from the
 * decoded update and the live document's store, never by applying it. Yjs keeps what it
 * cannot integrate (missing dependencies) as pending and retries it on every later
 * update, which is how a few bytes can stall a room forever; this finds that beforehand.
 */
export class UpdateInspection {
  readonly inserted: Y.Item[] = [];
  readonly deleteRanges: { client: number; clock: number; len: number }[] = [];
  /** What would stay pending, or null when everything integrates. */
  readonly missing: string | null;
  /** Structs inserted plus existing structs the deletes touch: the work Yjs would do. */
  readonly cost: number;
  private readonly own = new Map<number, Y.Item[]>();
  private readonly have = new Map<number, number>();
  private readonly parents = new Map<Y.Item, ParentRef | null>();
  private readonly depths = new Map<Y.Item, number>();

  constructor(
    private readonly doc: Y.Doc,
    update: Uint8Array,
  ) {
    const { structs, ds } = Y.decodeUpdate(update);
    let missing: string | null = null;
    for (const s of structs) {
      const client = s.id.client;
      const have = this.stateOf(client);
      if (s instanceof Y.Skip) continue;
      if (s.id.clock > have) missing ??= `a gap in client ${client}'s changes`;
      else this.have.set(client, Math.max(have, s.id.clock + s.length));
      if (s instanceof Y.Item) {
        this.inserted.push(s);
        let list = this.own.get(client);
        if (!list) this.own.set(client, (list = []));
        list.push(s);
      }
    }
    for (const item of this.inserted) {
      for (const id of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
        if (id && id.clock >= this.stateOf(id.client)) missing ??= `a reference to change ${id.client}:${id.clock} the server does not have`;
      }
    }
    let cost = this.inserted.length;
    for (const [client, ranges] of ds.clients) {
      const structsOfClient = doc.store.clients.get(client);
      for (const { clock, len } of ranges) {
        this.deleteRanges.push({ client, clock, len });
        if (clock + len > this.stateOf(client)) missing ??= `a deletion of changes the server does not have`;
        cost += structsOfClient ? touched(structsOfClient, clock, len) : 1;
      }
    }
    this.missing = missing;
    this.cost = cost;
  }

  /** The struct holding `id`, in this update or in the document; null when neither has it. */
  find(id: Y.ID): Y.Item | null {
    const own = this.own.get(id.client);
    if (own) {
      const i = indexOf(own, id.clock);
      if (i >= 0) return own[i]!;
    }
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const s = structs[Y.findIndexSS(structs, id.clock)];
    return s instanceof Y.Item ? s : null;
  }

  /** The type an item belongs to; for items of the update, resolved through their neighbours. */
  parentOf(item: Y.Item): ParentRef | null {
    // Iterative: a run of siblings, each placed after the previous one, can be 100,000 long.
    const chain: Y.Item[] = [];
    let current: Y.Item | null = item;
    let found: ParentRef | null = null;
    while (current) {
      if (this.parents.has(current)) {
        found = this.parents.get(current)!;
        break;
      }
      const p: unknown = current.parent;
      if (typeof p === 'string') found = { root: p };
      else if (p instanceof Y.ID) found = refTo(this.find(p));
      else if (p instanceof Y.AbstractType) found = p._item ? { item: p._item } : { root: Y.findRootTypeKey(p) };
      if (found) {
        chain.push(current);
        break;
      }
      chain.push(current);
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      current = neighbour ? this.find(neighbour) : null;
      if (current && chain.includes(current)) current = null;
    }
    for (const c of chain) this.parents.set(c, found);
    return found;
  }

  /** Nested types between the root and `item`'s content (a paragraph under the root: 1). */
  depthOf(item: Y.Item, limit: number): number {
    const known = this.depths.get(item);
    if (known !== undefined) return known;
    let depth = item.content instanceof Y.ContentType ? 1 : 0;
    let ref = this.parentOf(item);
    while (ref && 'item' in ref && depth <= limit) {
      const cached = this.depths.get(ref.item);
      if (cached !== undefined) {
        depth += cached;
        break;
      }
      depth++;
      ref = this.parentOf(ref.item);
    }
    this.depths.set(item, depth);
    return depth;
  }

  /** Deepest nesting the update's new content would reach. */
  maxDepth(limit: number): number {
    let max = 0;
    for (const item of this.inserted) {
      if (!(item.content instanceof Y.ContentType)) continue;
      max = Math.max(max, this.depthOf(item, limit));
      if (max > limit) break;
    }
    return max;
  }

  /** Map keys from the root down to the item (array elements have no key: ''), e.g. ['cards', id, 'votes', userId]. */
  pathOf(item: Y.Item, maxLength = 16): string[] {
    const keys: string[] = [this.keyOf(item)];
    let ref = this.parentOf(item);
    while (ref && 'item' in ref && keys.length <= maxLength) {
      keys.unshift(this.keyOf(ref.item));
      ref = this.parentOf(ref.item);
    }
    keys.unshift(ref && 'root' in ref ? ref.root : '?');
    return keys;
  }

  /**
   * The map key an item is stored under ('' in arrays). An update leaves it out when the
   * item has a neighbour (a map value replacing another): then it is the neighbour's key.
   */
  keyOf(item: Y.Item): string {
    let current: Y.Item | null = item;
    for (let steps = 0; current && steps < 10_000; steps++) {
      if (current.parentSub !== null) return current.parentSub;
      if (current.parent !== null) return '';
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin;
      current = neighbour ? this.find(neighbour) : null;
    }
    return '';
  }

  /** Existing or new items the update deletes (each once, split ranges included). */
  *deletedItems(): Generator<Y.Item> {
    for (const { client, clock, len } of this.deleteRanges) {
      for (const list of [this.doc.store.clients.get(client), this.own.get(client)]) {
        if (!list || list.length === 0) continue;
        const end = clock + len;
        const first = list[0]!.id.clock;
        let i = clock < first ? 0 : indexOf(list, clock);
        if (i < 0) continue;
        for (; i < list.length && list[i]!.id.clock < end; i++) {
          const s = list[i]!;
          if (s instanceof Y.Item && !s.deleted) yield s;
        }
      }
    }
  }

  private stateOf(client: number): number {
    return this.have.get(client) ?? Y.getState(this.doc.store, client);
  }
}

function refTo(item: Y.Item | null): ParentRef | null {
  if (!item) return null;
  return item.content instanceof Y.ContentType ? { item } : null;
}

/** Index of the struct containing `clock` in a clock-sorted list, or -1. */
function indexOf(list: ReadonlyArray<Y.Item | Y.GC>, clock: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** How many of a client's structs a delete range covers (at least 1: the range itself costs). */
function touched(structs: Array<Y.Item | Y.GC>, clock: number, len: number): number {
  const last = structs[structs.length - 1]!;
  const state = last.id.clock + last.length;
  if (clock >= state) return 1;
  const first = clock < structs[0]!.id.clock ? 0 : Y.findIndexSS(structs, clock);
  const end = Y.findIndexSS(structs, Math.min(clock + len, state) - 1);
  return Math.max(1, end - first + 1);
}
