/**
 * Where document content lives. An update handed to `appendUpdate` is durable when the
 * call returns (or its promise resolves): the sync layer broadcasts only after that.
 * Yjs updates commute, so a store may keep them in any order and merge them freely.
 */
export interface DocumentStore {
  /** Every stored update of a document (possibly one compacted state). */
  loadUpdates(docId: string): Promise<Uint8Array[]>;
  /** Commits one update. */
  appendUpdate(docId: string, update: Uint8Array): void | Promise<void>;
  /** Number of stored rows for a document: the cost of loading it. */
  countUpdates(docId: string): Promise<number>;
  /** Merges a document's stored updates into one; safe while others append. */
  compact(docId: string): Promise<CompactResult>;
  /** Answers when storage is reachable (readiness). */
  ping(): Promise<void>;
  close(): void;
}

export interface CompactResult {
  before: number;
  after: number;
  bytes: number;
}
