/**
 * Runs in a worker thread of the export pool (export-pool.ts): rebuilds the document from
 * its stored updates and renders it, so a large or hostile document costs a worker's time,
 * never the event loop that serves everyone else. Word and PDF too: their layout is the
 * slowest work of all (a fifty-page PDF takes seconds).
 */
import * as Y from 'yjs';
import { exportDocument, type ExportResult, type FileExportResult } from './index';
import { isOfficeTask, type ExportTask } from './export-task';
import { renderOfficeTask } from './office-export';

export default async function runExport(task: ExportTask): Promise<ExportResult | FileExportResult> {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of task.updates) Y.applyUpdate(doc, update);
    });
    if (isOfficeTask(task)) return await renderOfficeTask(doc, task);
    return exportDocument({ doc, kind: task.kind, title: task.title, format: task.format, memberIds: new Set(task.memberIds) });
  } finally {
    doc.destroy();
  }
}
