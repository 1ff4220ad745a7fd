import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { refusalForClose } from '../../client/src/editor/refused-edits';

describe('what a close of the sync socket tells the person', () => {
  it('tells a full document from a message that was too large', () => {
    expect(refusalForClose(CloseCode.tooBig, 'document full: it may not grow beyond 67108864 bytes')).toBe('document_full');
    expect(refusalForClose(CloseCode.tooBig, 'message too big')).toBe('too_large');
    expect(refusalForClose(CloseCode.tooBig)).toBe('too_large');
    expect(refusalForClose(CloseCode.forbidden, 'board rule: locked')).toBe('forbidden');
    expect(refusalForClose(1000, '')).toBeNull();
  });
});
