import type { Twin } from './dictionary';
import type { editorNl } from './editor.nl';

/** Strings of the editor, in English. */
export const editorEn: Twin<typeof editorNl> = {
  'save.label': 'Save status',
  'save.saved': 'All changes saved',
  'save.saving': 'Saving…',
  'save.offline': 'Offline — will be saved once you are connected again',
  'save.leaveWarning': 'Not all of your changes are saved yet. Leave the page anyway?',

  'refused.title': 'Your latest changes were not saved',
  'refused.read_only': 'You may not edit this document (any more).',
  'refused.forbidden': 'The server refused your change: you may not do this (any more).',
  'refused.too_large': 'Your change was too large to save at once.',
  'refused.document_full': 'This document has reached the largest size allowed; your change no longer fits.',
  'refused.rate_limited': 'You sent too many changes at once; the server closed the connection.',
  'refused.invalid': 'The server could not accept your change.',
  'refused.signed_out': 'You were signed out. Sign in again to go on.',
  'refused.not_accepted': 'The server did not take over your changes.',
  'refused.keep': 'Your text is not lost: it is below, so you can copy it and keep it elsewhere. The document itself is read-only now.',
  'refused.yourText': 'Your text as it is on this screen',
  'refused.copy': 'Copy text',
  'refused.copied': 'Copied',
  'refused.reload': 'Reload the page',

  'deep.title': 'This document cannot be shown in the editor',
  'deep.body': 'It holds content nested more than {limit} levels deep. So that nothing is damaged it is read-only here; its text is below.',

  'toolbar.more': 'More formatting',
  'doc.editTitle': 'Edit title',
  'doc.wordCount': { one: '{count} word', other: '{count} words' },
  'doc.outline': 'Contents',
  'doc.outlineHint': 'Headings in this document',

  'offline.updateReady': 'A new version of Stadskamer is available.',
  'offline.updateLoad': 'Load new version',
  'offline.updateLater': 'Later',
  'offline.localCopy': 'Offline: you are working in the copy on this device. Your changes will be saved once you are connected again.',
};
