import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON line per event; child loggers carry the instance, document and connection ids. */
export function createLogger(level: string, instanceId: string): Logger {
  return pino({ level, base: { instance: instanceId }, timestamp: pino.stdTimeFunctions.isoTime });
}
