// A document's data into the bytes of one file: its template, then PDF or DOCX. This takes the
// longest of anything the core does (half a second and more for a long concept) and needs no
// database, so the core's thread hands it to a thread of its own (worker/render-client.ts) and
// goes on answering; a core opened in-process (tests, benchmarks) renders where it runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentFormat } from '../../../shared/documents/types.ts';
import { composeDocument, type DocumentSource } from './compose.ts';
import { renderDocx } from './docx.ts';
import { renderPdf, type FontFiles } from './pdf.ts';

/** Renders a document as one format; a rendering on another thread stops when `signal` aborts. */
export type RenderDocument = (source: DocumentSource, format: DocumentFormat, signal: AbortSignal) => Promise<Buffer>;

const fontCache = new Map<string, FontFiles>();

/** The bundled Noto Sans faces, read once per resources folder. */
export function loadFonts(resourcesDir: string): FontFiles {
  let files = fontCache.get(resourcesDir);
  if (!files) {
    const path = (name: string) => join(resourcesDir, 'fonts', name);
    const faces = { regular: path('NotoSans-Regular.ttf'), bold: path('NotoSans-Bold.ttf'), italic: path('NotoSans-Italic.ttf'), boldItalic: path('NotoSans-BoldItalic.ttf') };
    files = { regular: readFileSync(faces.regular), bold: readFileSync(faces.bold), italic: readFileSync(faces.italic), boldItalic: readFileSync(faces.boldItalic), paths: Object.values(faces) };
    fontCache.set(resourcesDir, files);
  }
  return files;
}

export async function renderDocument(source: DocumentSource, format: DocumentFormat, fonts: FontFiles): Promise<Buffer> {
  const model = composeDocument(source);
  return format === 'pdf' ? (await renderPdf(model, fonts)).bytes : renderDocx(model, fonts);
}

export function renderOnThisThread(resourcesDir: string): RenderDocument {
  return (source, format) => renderDocument(source, format, loadFonts(resourcesDir));
}
