import type { SyncExtension } from '../extensions';

/**
 * Viewers and commenters (and participants on text documents) may not change content.
 * Their updates are dropped without closing: the stock client sends step 2 on every
 * connect, which is not an offence.
 */
export const readOnlyPolicy: SyncExtension = {
  name: 'read-only',
  beforeApplyUpdate: ({ conn }) => (conn.canWrite ? null : { kind: 'read_only', reason: 'read-only role' }),
};
