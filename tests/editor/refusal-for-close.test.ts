import { describe, expect, it } from 'vitest';
import { boardRuleCloseReason, boardRuleOfClose } from '../../shared/board-rules';
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

  it('reads which board rule a refusal names, by code, for the page to word', () => {
    expect(boardRuleOfClose(boardRuleCloseReason('locked'))).toBe('locked');
    expect(boardRuleOfClose(boardRuleCloseReason('over_allowance'))).toBe('over_allowance');
    // A rule a newer server knows and this page does not, or the English reason of an older one.
    expect(boardRuleOfClose('board rule: some_new_rule')).toBe('unknown');
    expect(boardRuleOfClose('board rule: only the facilitator changes the columns')).toBe('unknown');
    expect(boardRuleOfClose('ballot rule: a ballot holds only votes')).toBeNull();
    expect(boardRuleOfClose('')).toBeNull();
  });
});
