import { CloseCode, DOCUMENT_FULL_REASON } from '../../../shared/protocol';

/**
 * Edits the server did not accept, for whatever reason — a role that may no longer write,
 * a limit, a rule. Whoever learns of a refusal reports it here; the document page shows it
 * (RefusedEditsNotice) with the person's text to copy, so nothing is dropped silently.
 */
export type RefusalReason = 'read_only' | 'forbidden' | 'too_large' | 'document_full' | 'rate_limited' | 'invalid' | 'signed_out' | 'not_accepted';

export interface Refusal {
  documentId: string;
  reason: RefusalReason;
}

type Listener = () => void;

class RefusedEdits {
  private readonly byDocument = new Map<string, Refusal>();
  private readonly listeners = new Set<Listener>();

  report(refusal: Refusal): void {
    this.byDocument.set(refusal.documentId, refusal);
    this.emit();
  }

  clear(documentId: string): void {
    if (this.byDocument.delete(documentId)) this.emit();
  }

  current(documentId: string): Refusal | null {
    return this.byDocument.get(documentId) ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const refusedEdits = new RefusedEdits();

/** What a close of the sync socket says about edits it carried, or null for ordinary closes. */
export function refusalForClose(code: number, reason = ''): RefusalReason | null {
  switch (code) {
    case CloseCode.forbidden:
      return 'forbidden';
    case CloseCode.unauthorized:
      return 'signed_out';
    case CloseCode.tooBig:
      return reason.startsWith(DOCUMENT_FULL_REASON) ? 'document_full' : 'too_large';
    case CloseCode.badMessage:
    case CloseCode.invalidPayload:
      return 'invalid';
    case 4429:
      return 'rate_limited';
    default:
      return null;
  }
}
