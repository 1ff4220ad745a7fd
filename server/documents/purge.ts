import { TRASH_DAYS } from '../../shared/lifecycle';
import type { Logger } from '../log';
import type { LifecycleRepository } from './lifecycle-repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Purges what has been in the trash for longer than TRASH_DAYS: once at start and then
 * every hour. Every instance may run it; purging twice deletes nothing twice.
 */
export function startPurging(lifecycle: LifecycleRepository, log: Logger): () => void {
  const run = async () => {
    const cutoff = new Date(Date.now() - TRASH_DAYS * 24 * HOUR_MS).toISOString();
    const purged = await lifecycle.purge(cutoff);
    if (purged.documents.length + purged.workspaces.length > 0) {
      log.info({ event: 'trash.purged', documents: purged.documents.length, workspaces: purged.workspaces.length }, 'trash purged');
    }
  };
  const safeRun = () => void run().catch((err: unknown) => log.error({ event: 'trash.purge_failed', err }, 'could not purge the trash'));
  safeRun();
  const timer = setInterval(safeRun, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
