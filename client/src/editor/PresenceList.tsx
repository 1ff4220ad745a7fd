import { useEffect, useState } from 'react';
import { Avatar } from '../components/Avatar';
import { useI18n } from '../i18n/i18n';
import { CARET_PALETTE, colorSlotsFromAwareness } from './caret-colors';
import type { CollabSession } from './collab-session';

interface Present {
  id: string;
  name: string;
  organization: string;
  color?: string;
}

/**
 * Who is in the document now, from awareness. The `user` field of every remote state was
 * stamped by the server with the authenticated identity, so the names can be trusted.
 * One entry per person even with several tabs open.
 */
export function PresenceList({ session, self }: { session: CollabSession; self: Present }) {
  const { t } = useI18n();
  const [people, setPeople] = useState<Present[]>([]);

  useEffect(() => {
    const awareness = session.provider.awareness;
    const update = () => {
      const byId = new Map<string, Present>();
      byId.set(self.id, self);
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const u = (state as { user?: Partial<Present> }).user;
        if (!u || typeof u.id !== 'string' || typeof u.name !== 'string') continue;
        if (!byId.has(u.id)) byId.set(u.id, { id: u.id, name: u.name, organization: u.organization ?? '', color: u.color });
      }
      // The same colours as the carets: one per person in this document.
      const slots = colorSlotsFromAwareness(awareness, self.id);
      setPeople([...byId.values()].map((p) => ({ ...p, color: CARET_PALETTE[slots.get(p.id) ?? 0] })));
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [session, self]);

  return (
    <section aria-label={t('doc.present')}>
      <ul className="presence" data-testid="presence">
        {people.map((p) => (
          <li key={p.id} title={`${p.name} — ${p.organization}`}>
            <Avatar name={p.name} color={p.color} />
            <span>
              {p.name}
              {p.id === self.id && <span className="muted"> {t('workspace.you')}</span>}
              {p.organization && <span className="muted"> · {p.organization}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
