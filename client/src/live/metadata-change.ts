import type { DomainEvent } from '../../../shared/events';

const METADATA_FIELDS = ['title', 'status', 'tags'];

/** True when an event changes what a document page shows in its header (not its content). */
export function isMetadataChange(e: DomainEvent): boolean {
  if (e.type === 'document.status_changed') return true;
  if (e.type !== 'document.updated') return false;
  const fields = Array.isArray(e.data.fields) ? (e.data.fields as unknown[]) : [];
  return fields.some((f) => typeof f === 'string' && METADATA_FIELDS.includes(f));
}
