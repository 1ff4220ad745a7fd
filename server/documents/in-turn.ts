/**
 * Work on one document done one step at a time on this instance: a step starts once the
 * step asked before it on the same document has finished (whether it failed or not).
 * Steps on different documents run side by side.
 */
export class InTurn {
  private readonly chains = new Map<string, Promise<unknown>>();

  run<T>(documentId: string, step: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(documentId) ?? Promise.resolve();
    const next = previous.then(step, step);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(documentId, settled);
    void settled.then(() => {
      if (this.chains.get(documentId) === settled) this.chains.delete(documentId);
    });
    return next;
  }

  /** Resolves when every step already asked has finished. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }
}
