import { CloseCode } from '../../../shared/protocol';
import type { SyncLimitConfig } from '../../config';
import type { Connection } from '../connection';
import type { Refusal, SyncExtension } from '../extensions';
import { guardUpdate } from '../update-guard';

interface Budget {
  windowStart: number;
  bytes: number;
  items: number;
}

/**
 * Bounds what an update costs, not only its shape. In order, each step cheaper than the
 * next: the structural guard (every count fits the frame), the struct count before
 * anything is allocated, then the dry run — refused when Yjs would keep part of it pending
 * (missing dependencies are retried on every later update, forever), when it would touch
 * too many items, or nest content deeper than the browser editor survives. Each connection
 * also has a budget of bytes and items per window.
 */
export function updateLimits(limits: SyncLimitConfig, now: () => number = Date.now): SyncExtension {
  const budgets = new WeakMap<Connection, Budget>();
  const budgetOf = (conn: Connection): Budget => {
    const t = now();
    let b = budgets.get(conn);
    if (!b || t - b.windowStart >= limits.budgetWindowMs) budgets.set(conn, (b = { windowStart: t, bytes: 0, items: 0 }));
    return b;
  };
  const overBudget: Refusal = { kind: 'budget', reason: 'too much sent in a short time; slow down', close: CloseCode.tooManyRequests };
  const refused = (kind: string, reason: string): Refusal => ({ kind, reason, close: CloseCode.badMessage });

  return {
    name: 'update-limits',
    onFrame(conn, bytes) {
      const b = budgetOf(conn);
      b.bytes += bytes;
      return b.bytes > limits.budgetBytes ? overBudget : null;
    },
    beforeApplyUpdate({ conn, inspect, update }) {
      const shape = guardUpdate(update, limits.updateItems);
      if (shape.problem !== null) {
        if (shape.tooMany) return refused('too_many_items', `update touches ${shape.problem}`);
        return { kind: 'invalid_update', reason: `invalid update: ${shape.problem}`, close: CloseCode.invalidPayload };
      }
      const b = budgetOf(conn);
      if (b.items + shape.structs + shape.deleteRanges > limits.budgetItems) return overBudget;
      const dry = inspect();
      if (dry.missing) return refused('missing_dependencies', `update needs ${dry.missing}`);
      if (dry.cost > limits.updateItems) return refused('too_many_items', `update touches more than ${limits.updateItems} items`);
      b.items += dry.cost;
      if (b.items > limits.budgetItems) return overBudget;
      if (dry.maxDepth(limits.contentDepth) > limits.contentDepth) return refused('too_deep', `content nested deeper than ${limits.contentDepth}`);
      return null;
    },
  };
}
