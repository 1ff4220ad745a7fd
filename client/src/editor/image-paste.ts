/**
 * Paste and drop into the editor: clipboard HTML from Word, Excel, LibreOffice and Google
 * Docs is cleaned first (paste/office-html.ts), and image files (a screenshot, a picture
 * from Word's clipboard, a dragged file) are uploaded; the image node is inserted only
 * once the server has it, so a failed upload leaves nothing broken, only a message.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { cleanOfficeHtml } from './paste/office-html';

export interface ImagePasteOptions {
  upload(file: File): Promise<{ url: string }>;
  /** Tells the person what happened: uploading, failed (with the error), images left out. */
  onNotice(notice: { kind: 'uploading' } | { kind: 'failed'; error: unknown } | { kind: 'dropped'; count: number } | { kind: 'done' }): void;
}

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith('image/'));
}

export async function uploadAndInsert(editor: Editor, options: ImagePasteOptions, files: File[], at?: number, attrs: { alt?: string; title?: string } = {}): Promise<void> {
  options.onNotice({ kind: 'uploading' });
  let pos = at;
  for (const file of files) {
    try {
      const { url } = await options.upload(file);
      const node = editor.schema.nodes.image!.create({ src: url, alt: attrs.alt ?? '', title: attrs.title || null });
      const target = Math.min(pos ?? editor.state.selection.to, editor.state.doc.content.size);
      editor.view.dispatch(editor.state.tr.insert(target, node));
      pos = target + node.nodeSize;
    } catch (error) {
      options.onNotice({ kind: 'failed', error });
      return;
    }
  }
  options.onNotice({ kind: 'done' });
}

export const ImagePaste = Extension.create<ImagePasteOptions>({
  name: 'imagePaste',

  addOptions() {
    return { upload: () => Promise.reject(new Error('no upload configured')), onNotice: () => {} };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey('imagePaste'),
        props: {
          transformPastedHTML(html) {
            const cleaned = cleanOfficeHtml(html);
            if (cleaned.droppedImages > 0) options.onNotice({ kind: 'dropped', count: cleaned.droppedImages });
            return cleaned.html;
          },
          handlePaste(_view: EditorView, event: ClipboardEvent) {
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0) return false;
            const hasHtml = (event.clipboardData?.getData('text/html') ?? '') !== '';
            // Word offers its text as HTML and the picture as a file: paste the text, then add the picture.
            queueMicrotask(() => void uploadAndInsert(editor, options, files));
            return !hasHtml;
          },
          handleDrop(view: EditorView, event: DragEvent) {
            const files = imageFiles(event.dataTransfer?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
            void uploadAndInsert(editor, options, files, at);
            return true;
          },
        },
      }),
    ];
  },
});

/** The toolbar's "Afbeelding invoegen": the same upload, with alt text and caption the person typed. */
export function insertImageFile(editor: Editor, file: File, attrs: { alt: string; title: string }): Promise<void> {
  const extension = editor.extensionManager.extensions.find((e) => e.name === 'imagePaste');
  if (!extension) return Promise.resolve();
  return uploadAndInsert(editor, extension.options as ImagePasteOptions, [file], undefined, attrs);
}
