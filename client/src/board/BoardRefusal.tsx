import { useEffect, useState } from 'react';
import { boardRuleOfClose, toBoardRule, type BoardRuleCode } from '../../../shared/board-rules';
import { CloseCode } from '../../../shared/protocol';
import type { CollabSession } from '../editor/collab-session';
import { useI18n } from '../i18n/i18n';
import { unconfirmedCards } from './unconfirmed-cards';

const storageKey = (documentId: string) => `stadskamer:board-refused:${documentId}`;

/** What was refused, kept across the reload: the rule broken (its code) and the card texts it carried. */
interface Refused {
  rule: BoardRuleCode | 'unknown';
  cards: string[];
}

/**
 * The server refuses a change that breaks the board rules and closes the socket with 4403.
 * Kept, the change would be resent on every reconnect (and later edits would build on it),
 * so the local copy is dropped — the socket, then the offline copy in IndexedDB — and the
 * page reloads the board as the server has it, saying what was refused: the close reason
 * names the broken rule by a code, worded here in the person's language.
 */
export function useBoardRefusal(session: CollabSession | null, documentId: string): void {
  useEffect(() => {
    if (!session) return;
    const onClose = (event: CloseEvent | null) => {
      const rule = event?.code === CloseCode.forbidden ? boardRuleOfClose(event.reason) : null;
      if (!rule) return;
      session.provider.disconnect();
      const refused: Refused = {
        rule,
        // Read before the reload drops them: the cards the server never took.
        cards: unconfirmedCards(session.doc, (id) => session.save.holds(id)),
      };
      sessionStorage.setItem(storageKey(documentId), JSON.stringify(refused));
      void session.persistence.clearData().finally(() => location.reload());
    };
    session.provider.on('connection-close', onClose);
    return () => session.provider.off('connection-close', onClose);
  }, [session, documentId]);
}

function readRefused(documentId: string): Refused | null {
  const stored = sessionStorage.getItem(storageKey(documentId));
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<Refused>;
    // Written by an older version of this page (the server's reason, no code): 'unknown'.
    return { rule: toBoardRule(parsed.rule), cards: Array.isArray(parsed.cards) ? parsed.cards.map(String) : [] };
  } catch {
    // Written by an even older version: the reason alone.
    return { rule: 'unknown', cards: [] };
  }
}

/** After such a reload: what was refused, until the person closes it. */
export function BoardRefusalNotice({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const [refused, setRefused] = useState(() => readRefused(documentId));
  useEffect(() => sessionStorage.removeItem(storageKey(documentId)), [documentId]);
  if (!refused) return null;
  return (
    <div role="alert" className="alert board-refusal" data-testid="board-refusal">
      <div>
        <p>{t('boardRules.refused', { reason: t(`boardRules.rule.${refused.rule}`) })}</p>
        {refused.cards.length > 0 && (
          <>
            <p>{t('boardRules.refusedCards')}</p>
            <ul>
              {refused.cards.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" onClick={() => setRefused(null)}>
        {t('boardRules.dismiss')}
      </button>
    </div>
  );
}
