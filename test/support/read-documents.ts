// Reading made documents back with real readers: PDF text, positions and drawing operators with
// pdfjs-dist, DOCX parts unzipped with JSZip and checked well-formed with a strict XML parser.
import JSZip from 'jszip';
import sax from 'sax';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  text: string;
  width: number;
  height: number;
  /** Each text item's box, to see that nothing leaves the page. */
  items: { str: string; x: number; y: number; width: number }[];
}

export async function readPdf(bytes: Buffer): Promise<{ pages: PdfPage[]; info: Record<string, unknown>; outline: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : [],
    );
    pages.push({ text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' '), width, height, items });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).flatMap(function walk(node): string[] {
    return [node.title, ...node.items.flatMap(walk)];
  });
  await doc.cleanup();
  return { pages, info: meta.info as Record<string, unknown>, outline };
}

/** Every part of the DOCX by name; throws if an XML part is not well-formed. */
export async function readDocx(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const text = await zip.files[name]!.async('string');
    if (name.endsWith('.xml') || name.endsWith('.rels')) {
      const parser = sax.parser(true);
      parser.onerror = (error) => {
        throw new Error(`${name} is not well-formed XML: ${error.message}`);
      };
      parser.write(text).close();
    }
    parts[name] = text;
  }
  return parts;
}

/** How often each drawing operator (pdf.js's names: constructPath, paintImageXObject, ...) occurs on each page. */
export async function pdfOperators(bytes: Buffer): Promise<Map<string, number>[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const names = new Map(Object.entries(OPS).map(([name, code]) => [code, name]));
  const pages: Map<string, number>[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const counts = new Map<string, number>();
    for (const code of (await (await doc.getPage(i)).getOperatorList()).fnArray) {
      const name = names.get(code) ?? String(code);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    pages.push(counts);
  }
  await doc.cleanup();
  return pages;
}
