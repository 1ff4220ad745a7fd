/**
 * What the export pool's worker gets (export-worker.ts): plain data that survives a
 * structured clone — the stored updates, never a database handle — plus, for Word and
 * PDF, a message port through which the worker asks the main thread for the images the
 * document shows (image-port.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ExportKind, OfficeFormat, TextFormat } from './index';
import type { ExportMeta } from './export-meta';
import type { ExportThread } from './comment-ranges';
import type { ExportSuggestion } from './tracked-changes';

interface TaskBase {
  updates: Uint8Array[];
  kind: ExportKind;
  title: string;
  /** user ids of the workspace's current members: only their votes count */
  memberIds: string[];
}

export interface TextExportTask extends TaskBase {
  format: TextFormat;
}

export interface OfficeExportTask extends TaskBase {
  format: OfficeFormat;
  meta: ExportMeta;
  /** [member id, organisation]: shown beside each board card */
  organisations: [string, string][];
  /** Open threads to write as Word comments (`?comments=open`); empty otherwise. */
  threads: ExportThread[];
  /** Pending suggestions to write as tracked changes (`?suggestions=pending`); empty otherwise. */
  suggestions: ExportSuggestion[];
  /** Answers the worker's image request (image-port.ts); transferred with the task. */
  images: MessagePort;
}

export type ExportTask = TextExportTask | OfficeExportTask;

export function isOfficeTask(task: ExportTask): task is OfficeExportTask {
  return task.format === 'docx' || task.format === 'pdf';
}
