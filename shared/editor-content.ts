/**
 * The one list of content extensions (CONTRACT §3 "Document content"): the client's
 * editor adds collaboration on top, the server builds its schema, its exports and its
 * Word import from exactly this list, so both sides always know the same nodes.
 *
 * - StarterKit: paragraph, headings, lists, blockquote, code, rule, hard break; bold,
 *   italic, strike, code, underline, link.
 * - TableKit: table, tableRow, tableHeader, tableCell (colspan/rowspan for merged cells).
 * - Image: a block image whose `src` is an uploaded `/api/images/:id` URL (never base64),
 *   with `alt` text and `title`, shown as the caption.
 */
import type { Extensions } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { Image } from '@tiptap/extension-image';
import { LINK_PROTOCOLS } from './content-constants';

export { CONTENT_LIMITS, IMAGE_URL_PREFIX, LINK_PROTOCOLS } from './content-constants';

export interface ContentOptions {
  /** Client: turn typed URLs into links. Off on the server, where nobody types. */
  autolink?: boolean;
}

export function contentExtensions(options: ContentOptions = {}): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; it adds nothing to the schema either way.
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: options.autolink ?? false,
        protocols: LINK_PROTOCOLS,
        // A link keeps the URL as typed or pasted; only a bare "www.…" gets a protocol,
        // and then the safe one (linkify's default is http).
        defaultProtocol: 'https',
      },
    }),
    TableKit.configure({ table: { resizable: false, allowTableNodeSelection: true } }),
    Image.configure({ inline: false, allowBase64: false }),
  ];
}
