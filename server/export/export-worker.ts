/**
 * Runs in a worker thread of the export pool (export-pool.ts): rebuilds the document from
 * its stored updates and renders it, so a large or hostile document costs a worker's time,
 * never the event loop that serves everyone else.
 */
import * as Y from 'yjs';
import { exportDocument, type ExportFormat, type ExportKind, type ExportResult } from './index';

export interface ExportTask {
  updates: Uint8Array[];
  kind: ExportKind;
  title: string;
  format: ExportFormat;
  memberIds: string[];
}

export default function runExport(task: ExportTask): ExportResult {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of task.updates) Y.applyUpdate(doc, update);
    });
    return exportDocument({ doc, kind: task.kind, title: task.title, format: task.format, memberIds: new Set(task.memberIds) });
  } finally {
    doc.destroy();
  }
}
