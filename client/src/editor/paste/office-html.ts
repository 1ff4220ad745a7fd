/**
 * Clipboard HTML from Word, Excel, LibreOffice and Google Docs, made fit for the editor's
 * schema before TipTap's parser reads it:
 * - Word's list paragraphs (`mso-list:l0 level2 lfo1`, with the bullet or number as
 *   literal text in an `mso-list:Ignore` span) become real nested <ul>/<ol>;
 * - Word comments (anchors, references, the comment list) and deleted tracked changes go,
 *   inserted tracked changes stay as plain text; `<o:p>`, classes and `mso-*` styling go;
 * - images that are not our own uploads (Word's `file:///…clip_image001.png`, data URLs,
 *   other sites) go, so no broken image lands in the document; the count is returned so
 *   the editor can say so (the clipboard's image files themselves are uploaded).
 * Bold, italic and underline survive as tags or as the styles TipTap's marks read.
 */
import { IMAGE_URL_PREFIX } from '../../../../shared/editor-content';

export interface CleanedHtml {
  html: string;
  droppedImages: number;
}

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]$/i;

function styleOf(el: Element): string {
  return el.getAttribute('style') ?? '';
}

function removeAll(root: ParentNode, selector: string): void {
  for (const el of [...root.querySelectorAll(selector)]) el.remove();
}

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

function dropOfficeMarkup(body: HTMLElement): void {
  // Comment anchors "[LH1]", their references and Word's comment list at the end.
  removeAll(body, '.MsoCommentReference, .msocomanchor, .msocomtxt, [style*="mso-element:comment"], [style*="mso-element: comment"]');
  removeAll(body, 'del, .msoDel, style, script, meta, link, title, xml');
  for (const el of [...body.querySelectorAll('ins, .msoIns, font')]) unwrap(el);
  for (const el of [...body.querySelectorAll('*')]) {
    if (el.tagName.toLowerCase().includes(':')) {
      unwrap(el); // <o:p>, <w:sdt>, <v:shape> and other namespaced Office elements
      continue;
    }
    el.removeAttribute('class');
    el.removeAttribute('lang');
    const style = styleOf(el);
    if (style) {
      const kept = style
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d !== '' && !/^mso-/i.test(d) && /^(font-weight|font-style|text-decoration)/i.test(d));
      if (kept.length > 0) el.setAttribute('style', kept.join('; '));
      else el.removeAttribute('style');
    }
  }
}

function dropForeignImages(body: HTMLElement): number {
  let dropped = 0;
  for (const img of [...body.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith(IMAGE_URL_PREFIX) || src.startsWith(`${location.origin}${IMAGE_URL_PREFIX}`)) continue;
    img.remove();
    dropped += 1;
  }
  // VML picture fallbacks (<v:imagedata>) carry no usable picture either.
  return dropped;
}

interface WordListItem {
  p: Element;
  list: string;
  level: number;
  ordered: boolean;
}

function wordListItem(p: Element): WordListItem | null {
  const match = MSO_LIST.exec(styleOf(p));
  if (!match) return null;
  const marker = [...p.querySelectorAll('[style*="mso-list"]')].find((s) => /mso-list:\s*ignore/i.test(styleOf(s)));
  const text = (marker?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  marker?.remove();
  return { p, list: match[1]!, level: Number(match[2]), ordered: ORDERED_MARKER.test(text) };
}

/** Consecutive list paragraphs → nested lists, one item per paragraph. */
function rebuildWordLists(body: HTMLElement): void {
  const doc = body.ownerDocument;
  const paragraphs = [...body.querySelectorAll('p')];
  const items = new Map<Element, WordListItem>();
  for (const p of paragraphs) {
    const item = wordListItem(p);
    if (item) items.set(p, item);
  }
  let stack: { level: number; list: HTMLElement }[] = [];
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const item = items.get(p);
    if (!item) continue;
    if (previous === null || p.previousElementSibling !== previous) stack = [];
    while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (top) (top.list.lastElementChild ?? top.list).appendChild(list);
      else p.before(list);
      top = { level: item.level, list };
      stack.push(top);
    }
    const li = doc.createElement('li');
    const para = doc.createElement('p');
    para.append(...p.childNodes);
    li.appendChild(para);
    top.list.appendChild(li);
    // Keep the emptied paragraph in place until the run ends, so siblings stay adjacent.
    previous = p;
    p.setAttribute('data-word-list', '');
  }
  removeAll(body, 'p[data-word-list]');
}

export function cleanOfficeHtml(html: string): CleanedHtml {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  rebuildWordLists(body);
  dropOfficeMarkup(body);
  const droppedImages = dropForeignImages(body);
  return { html: body.innerHTML, droppedImages };
}
