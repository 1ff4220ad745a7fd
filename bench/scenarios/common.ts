import type { ClientSpec } from '../ipc';
import type { WorkerPool } from '../pool';
import type { DocumentRef, RunningTarget } from '../targets';

/** Named figures of one scenario on one target; null when it could not be measured. */
export type Figures = Record<string, number | null>;

export interface ScenarioContext {
  target: RunningTarget;
  pool: WorkerPool;
  log(message: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  params: Record<string, number | string | boolean>;
  run(ctx: ScenarioContext): Promise<Figures>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

export function specFor(target: RunningTarget, id: number, doc: DocumentRef): ClientSpec {
  return { id, serverUrl: target.wsUrl, room: doc.room, params: doc.params, ...(target.framing ? { framing: target.framing } : {}) };
}

export const MiB = 1024 * 1024;

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
