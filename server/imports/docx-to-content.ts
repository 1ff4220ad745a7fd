/**
 * A Word file → the editor's content: mammoth turns the .docx into semantic HTML (real
 * headings from Word's heading styles, lists from Word's numbering, tables, links,
 * images), TipTap's own HTML parser reads that into the shared schema, exactly as a
 * paste into the editor would. Images come out as placeholders; the caller stores them
 * and puts in their URLs, so nothing is stored for a file that is then refused.
 */
import mammoth from 'mammoth';
import type { JSONContent } from '@tiptap/core';
import { generateJSON } from '@tiptap/html';
import { contentExtensions } from '../../shared/editor-content';
import type { DocJSON } from '../export/prosemirror';

const PLACEHOLDER = 'stadskamer-import:';
const extensions = contentExtensions();

export class DocxReadError extends Error {
  constructor(
    readonly code: 'invalid_docx' | 'encrypted_docx',
    message: string,
  ) {
    super(message);
  }
}

export interface ImportedContent {
  doc: DocJSON;
  /** The document's images in order, as Word holds them. */
  images: Buffer[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: what Word writes for an encrypted .docx (and for old .doc files). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (bytes: Buffer, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function docxToContent(bytes: Buffer): Promise<ImportedContent> {
  if (starts(bytes, OLE)) throw new DocxReadError('encrypted_docx', 'This file is password-protected or an old .doc file; save it as an unprotected .docx first.');
  if (!starts(bytes, ZIP)) throw new DocxReadError('invalid_docx', 'This file is not a Word document (.docx).');
  const images: Buffer[] = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: ['u => u', 'strike => s'],
        convertImage: mammoth.images.imgElement(async (image) => {
          images.push(Buffer.from(await image.readAsArrayBuffer()));
          return { src: `${PLACEHOLDER}${images.length - 1}` };
        }),
      },
    );
    html = result.value;
  } catch {
    throw new DocxReadError('invalid_docx', 'This .docx file could not be read; it may be damaged.');
  }
  // Word keeps a picture inside a paragraph; the editor's image is a block of its own, and
  // the parser would leave an empty paragraph before it.
  html = html.replace(/<p>((?:<img [^>]*\/>)+)<\/p>/g, '$1');
  const json = generateJSON(html, extensions) as JSONContent;
  return { doc: { type: 'doc', content: json.content ?? [] }, images };
}

/** Said in the text where an image of a format we do not take (EMF, TIFF…) was. */
export const IMAGE_NOT_IMPORTED = '[Afbeelding niet overgenomen: alleen PNG, JPEG, GIF en WebP]';

/** Puts the stored images' URLs in; an image that could not be stored (`null`) leaves a note. */
export function placeImages(node: JSONContent, urls: (string | null)[]): JSONContent {
  if (node.type === 'image') {
    const src = String(node.attrs?.src ?? '');
    const url = src.startsWith(PLACEHOLDER) ? urls[Number(src.slice(PLACEHOLDER.length))] : null;
    if (url) return { ...node, attrs: { ...node.attrs, src: url } };
    return { type: 'paragraph', content: [{ type: 'text', text: IMAGE_NOT_IMPORTED, marks: [{ type: 'italic' }] }] };
  }
  return node.content ? { ...node, content: node.content.map((child) => placeImages(child, urls)) } : node;
}
