import * as decoding from 'lib0/decoding';

/**
 * A structural pass over an untrusted Yjs v1 update before `Y.applyUpdate` sees it.
 * Yjs trusts its input: counts in an update size arrays and drive loops, so a crafted
 * frame can allocate gigabytes or spin (yjs issue #687). Here every count is checked
 * against the bytes that are left, which bounds the work by the frame's length.
 * Returns what is wrong with it, or how many structs and delete ranges it holds (so that
 * an update too costly to decode is refused before anything is allocated for it).
 */
export function guardUpdate(
  update: Uint8Array,
  maxItems = Infinity,
): { problem: string; tooMany: boolean } | { problem: null; structs: number; deleteRanges: number } {
  try {
    const d = decoding.createDecoder(update);
    const structs = readStructs(d, maxItems);
    const deleteRanges = readDeleteSet(d, maxItems - structs);
    if (decoding.hasContent(d)) return { problem: 'trailing bytes', tooMany: false };
    return { problem: null, structs, deleteRanges };
  } catch (err) {
    if (err instanceof TooMany) return { problem: `more than ${maxItems} items`, tooMany: true };
    return { problem: err instanceof GuardError ? err.message : 'malformed update', tooMany: false };
  }
}

class GuardError extends Error {}
/** Counts come before what they count, so a flood is refused before it is walked. */
class TooMany extends Error {}

const MAX_ANY_DEPTH = 64;

function remaining(d: decoding.Decoder): number {
  return d.arr.length - d.pos;
}

/** A count of things that each take at least `minBytes` must fit in what is left. */
function readCount(d: decoding.Decoder, minBytes: number, what: string): number {
  const n = decoding.readVarUint(d);
  if (n * minBytes > remaining(d)) throw new GuardError(`${what} count exceeds the frame`);
  return n;
}

function readStructs(d: decoding.Decoder, maxItems: number): number {
  let total = 0;
  const clients = readCount(d, 3, 'client');
  for (let c = 0; c < clients; c++) {
    const structs = readCount(d, 1, 'struct');
    if (total + structs > maxItems) throw new TooMany();
    decoding.readVarUint(d); // client id
    decoding.readVarUint(d); // first clock
    for (let s = 0; s < structs; s++) readStruct(d);
    total += structs;
  }
  return total;
}

function readStruct(d: decoding.Decoder): void {
  const info = decoding.readUint8(d);
  const kind = info & 0b11111;
  if (kind === 0 || kind === 10) {
    decoding.readVarUint(d); // GC or Skip length
    return;
  }
  const hasOrigin = (info & 0b10000000) !== 0;
  const hasRightOrigin = (info & 0b01000000) !== 0;
  if (hasOrigin) readId(d);
  if (hasRightOrigin) readId(d);
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(d) === 1) decoding.readVarString(d); // parent type by name
    else readId(d); // parent item id
    if ((info & 0b00100000) !== 0) decoding.readVarString(d); // parentSub (map key)
  }
  readContent(d, kind);
}

function readId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}

function readContent(d: decoding.Decoder, kind: number): void {
  switch (kind) {
    case 1: // deleted
      decoding.readVarUint(d);
      return;
    case 2: {
      // JSON: strings, each at least one byte
      const n = readCount(d, 1, 'json');
      for (let i = 0; i < n; i++) decoding.readVarString(d);
      return;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return;
    case 4: // string
    case 5: // embed
      decoding.readVarString(d);
      return;
    case 6: // format
      decoding.readVarString(d);
      decoding.readVarString(d);
      return;
    case 7: {
      // type: XmlElement (3) and XmlHook (5) carry a name
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) throw new GuardError(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(d);
      return;
    }
    case 8: {
      const n = readCount(d, 1, 'any');
      for (let i = 0; i < n; i++) readAny(d, 0);
      return;
    }
    case 9: // subdocument
      decoding.readVarString(d);
      readAny(d, 0);
      return;
    default:
      throw new GuardError(`unknown content kind ${kind}`);
  }
}

function readAny(d: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new GuardError('value nested too deeply');
  const tag = decoding.readUint8(d);
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(d);
      return;
    case 124:
      decoding.readFloat32(d);
      return;
    case 123:
      decoding.readFloat64(d);
      return;
    case 122:
      decoding.readBigInt64(d);
      return;
    case 119:
      decoding.readVarString(d);
      return;
    case 118: {
      const n = readCount(d, 2, 'object key');
      for (let i = 0; i < n; i++) {
        decoding.readVarString(d);
        readAny(d, depth + 1);
      }
      return;
    }
    case 117: {
      const n = readCount(d, 1, 'array item');
      for (let i = 0; i < n; i++) readAny(d, depth + 1);
      return;
    }
    case 116:
      decoding.readVarUint8Array(d);
      return;
    default:
      throw new GuardError(`unknown value tag ${tag}`);
  }
}

function readDeleteSet(d: decoding.Decoder, maxItems: number): number {
  let total = 0;
  const clients = readCount(d, 2, 'delete set client');
  for (let c = 0; c < clients; c++) {
    decoding.readVarUint(d);
    const ranges = readCount(d, 2, 'delete range');
    if (total + ranges > maxItems) throw new TooMany();
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
    total += ranges;
  }
  return total;
}
