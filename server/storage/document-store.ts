/**
 * Where document content lives. Updates handed to `appendUpdates` are durable when the
 * call returns (or its promise resolves): the sync layer broadcasts only after that.
 * Yjs updates commute, so a store may keep them in any order and merge them freely.
 * Every implementation passes tests/storage/document-store.contract.ts.
 */
export interface DocumentStore {
  /** Every stored update of a document (possibly one compacted state). */
  loadUpdates(docId: string): Promise<Uint8Array[]>;
  /** Commits updates of one document together: all of them or none. */
  appendUpdates(docId: string, updates: Uint8Array[]): void | Promise<void>;
  /** Commits one update (content written outside a room: imports, copies); always awaited. */
  appendUpdate(docId: string, update: Uint8Array): Promise<void>;
  /** Number of stored rows for a document: the cost of loading it. */
  countUpdates(docId: string): Promise<number>;
  /**
   * Merges a document's stored updates into one, off the event loop (a worker thread); rows
   * appended meanwhile (by anyone) are kept.
   */
  compact(docId: string): Promise<CompactResult>;
  /** Answers when storage is reachable (readiness). */
  ping(): Promise<void>;
  close(): void | Promise<void>;
}

export interface CompactResult {
  before: number;
  after: number;
  bytes: number;
}
