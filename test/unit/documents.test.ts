// The two renderers, read back with real readers: every block type in PDF text (umlauts, ß,
// Greek and Cyrillic extracted as written) and in DOCX XML (well-formed, repeated header rows,
// unsplittable rows, contents as page-reference fields, page fields); a heading kept with the
// start of every kind of block; LibreOffice's layout of the DOCX (the contents' page numbers,
// a header on one line); awkward input (control characters, a very long word, a 300-row table,
// missing optional data) never breaks a file or leaves the page; the same model gives the same
// bytes. Then minutes made through the API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/documents/docx.ts';
import { renderPdf } from '../../electron/core/documents/pdf.ts';
import { loadFonts } from '../../electron/core/documents/render.ts';
import type { Chart } from '../../shared/charts/chart.ts';
import type { Block, DocumentModel } from '../../shared/documents/model.ts';
import { contentsPages, docxToPdf, headerBaselines, SOFFICE } from '../support/libreoffice.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';

const FONTS = loadFonts('resources');
const PNG_DOT = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const LONG_WORD = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenhalterungsschraubenzieherverpackungsbeauftragtenassistenzstelle';

function model(): DocumentModel {
  return {
    meta: { title: 'Testdokument Größe', subject: 'Prüfung', author: 'Miriam Kaya', company: 'Fieldbook Consulting', language: 'de', version: '3', date: '2026-11-27', confidentiality: 'Vertraulich', keywords: ['Test'] },
    theme: { accent: '#0b5cad', fontSize: 10, pageSize: 'A4' },
    cover: {
      consultancyLogo: PNG_DOT,
      customerLogo: null,
      title: 'Testdokument Größe',
      subtitle: 'Stadtwerke Nordhafen · Webmail 2027',
      facts: [{ label: 'Kunde', value: 'Stadtwerke Nordhafen' }],
      revisions: [{ version: '3', date: '2026-11-27', author: 'Miriam Kaya', change: 'Erste Fassung' }],
      revisionColumns: ['Version', 'Datum', 'Autor', 'Änderung'],
    },
    header: { left: [{ text: 'Fieldbook Consulting' }], center: [], right: [{ field: 'title' }] },
    footer: { left: [{ text: 'Vertraulich' }], center: [], right: [{ text: 'Seite ' }, { field: 'page' }, { text: ' von ' }, { field: 'pages' }] },
    blocks: [
      { type: 'toc', title: 'Inhalt' },
      { type: 'heading', level: 1, text: 'Umlaute und Schriften', numbered: true },
      { type: 'paragraph', runs: [{ text: 'Äpfel, Öfen, Übergrößen und Straße; ' }, { text: 'Привет, мир', bold: true }, { text: ' und ' }, { text: 'Καλημέρα κόσμε', italic: true }, { text: ' – siehe ' }, { text: 'example.com', link: 'https://example.com' }] },
      { type: 'paragraph', runs: [{ text: `Steuerzeichen\u0000\u0007\u001B weg und ein langes Wort: ${LONG_WORD}${LONG_WORD}` }] },
      { type: 'heading', level: 2, text: 'Listen', numbered: true },
      { type: 'list', ordered: false, items: [[{ text: 'Erster Punkt' }], [{ text: 'Zweiter Punkt' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'Schritt eins' }], [{ text: 'Schritt zwei' }]] },
      { type: 'checklist', items: [{ text: 'Erledigt', checked: true }, { text: 'Offen', checked: false }] },
      { type: 'keyValue', rows: [{ label: 'Ort', value: [{ text: 'Hamburg' }] }, { label: 'Leer', value: [] }] },
      { type: 'heading', level: 1, text: 'Große Tabelle', numbered: true },
      {
        type: 'table',
        columns: [
          { title: 'Spalte A', width: 0.2 },
          { title: 'Spalte B', width: 0.5 },
          { title: 'Spalte C', width: 0.3 },
        ],
        rows: Array.from({ length: 300 }, (_, i) => [[{ text: `Zeile ${i + 1}` }], [{ text: i === 150 ? `${LONG_WORD} ${'Text '.repeat(80)}` : `Inhalt ${i + 1}` }], [{ text: i % 7 ? 'ja' : '' }]]),
        caption: 'Tabelle 1',
      },
      { type: 'heading', level: 1, text: 'Abschluss', numbered: true },
      { type: 'image', data: PNG_DOT, caption: 'Ein Bild', width: 0.2 },
      {
        type: 'diagram',
        caption: 'Die Plattform',
        layers: [
          { label: 'Zugang', boxes: [{ title: 'Loadbalancer', detail: 'HAProxy' }] },
          { label: 'Dienste', boxes: [{ title: 'Knoten 1', detail: '32 GB' }, { title: 'Knoten 2', detail: '32 GB' }] },
          // Four boxes to a layer, with labels longer than a box: they wrap or shrink, never cut.
          {
            label: 'Backends',
            boxes: [
              { title: 'MySQL', detail: 'Galera · Eigene Server' },
              { title: 'Dateispeicher', detail: 'S3-kompatibler Objektspeicher · 42,4 GB' },
              { title: 'Mailsystem (IMAP-Server und Speicher)', detail: 'Dovecot 2.3.21' },
              { title: 'Provisionierungsschnittstelle', detail: 'RMI (empfohlen) · Kundenportal der Stadtwerke' },
            ],
          },
        ],
      },
      { type: 'signatures', parties: [{ organisation: 'Stadtwerke Nordhafen', name: 'Jonas Weber', role: 'IT' }, { organisation: 'Fieldbook Consulting', name: 'Miriam Kaya', role: '' }] },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: 'Anhang', numbered: false },
      { type: 'paragraph', runs: [] },
    ],
  };
}

/** A grey PNG of the given size in pixels, as a data URL: pictures of any shape for the layout. */
function png(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const frame = Buffer.alloc(8);
    frame.writeUInt32BE(data.length, 0);
    frame.writeUInt32BE(crc32(body), 4);
    return Buffer.concat([frame.subarray(0, 4), body, frame.subarray(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // 8 bits of grey a pixel
  // Each row: filter byte 0 ("none"), then its pixels.
  const rows = Buffer.alloc((width + 1) * height, 0xc0);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return `data:image/png;base64,${Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]).toString('base64')}`;
}

const id = (i: number) => String(i).padStart(3, '0');
/** `count` lines of text, the first one given. */
const lines = (first: string, count: number) => [first, ...Array.from({ length: count - 1 }, (_, n) => `Zeile ${n + 2}`)].join('\n');
const table = (i: number, firstRow: string): Block => ({
  type: 'table',
  columns: [
    { title: `Spalte ${id(i)}`, width: 0.5 },
    { title: 'Wert', width: 0.5 },
  ],
  rows: [
    [[{ text: firstRow }], [{ text: 'ja' }]],
    [[{ text: 'Zweite Zeile' }], [{ text: 'nein' }]],
  ],
});

const CHART: Chart = {
  kind: 'bar',
  language: 'de',
  title: 'Offene Punkte',
  value: { title: 'Anzahl' },
  along: { title: 'Seite' },
  categories: ['Kunde', 'Beratung'],
  series: [{ name: 'Offen', values: [12, 30] }],
  orientation: 'columns',
  stacked: false,
};

/**
 * What may follow a heading, each starting with the text "Beginn NNN": every kind of block, most
 * of them needing more room to start than the three lines a heading kept with it before, and
 * some taller than a page.
 */
const FOLLOWERS: Record<string, (i: number) => Block[]> = {
  paragraph: (i) => [{ type: 'paragraph', runs: [{ text: lines(`Beginn ${id(i)}`, 5) }] }],
  list: (i) => [{ type: 'list', ordered: true, items: [[{ text: lines(`Beginn ${id(i)}`, 4) }], [{ text: 'Zweiter Punkt' }]] }],
  table: (i) => [table(i, lines(`Beginn ${id(i)}`, 6))],
  'table row taller than a page': (i) => [table(i, lines(`Beginn ${id(i)}`, 80))],
  keyValue: (i) => [{ type: 'keyValue', rows: [{ label: `Beginn ${id(i)}`, value: [{ text: lines('Wert', 5) }] }] }],
  checklist: (i) => [{ type: 'checklist', items: [{ text: lines(`Beginn ${id(i)}`, 4), checked: true }, { text: 'Offen', checked: false }] }],
  signatures: (i) => [{ type: 'signatures', parties: [{ organisation: `Beginn ${id(i)}`, name: 'Jonas Weber', role: 'IT' }] }],
  // A picture has no text: its caption, which stays with it, tells where it went.
  image: (i) => [{ type: 'image', data: png(400, 300), caption: `Beginn ${id(i)}`, width: 0.6 }],
  'image taller than a page': (i) => [{ type: 'image', data: png(300, 1400), caption: `Beginn ${id(i)}`, width: 0.6 }],
  diagram: (i) => [
    {
      type: 'diagram',
      caption: 'Die Plattform',
      layers: [
        { label: `Beginn ${id(i)}`, boxes: [{ title: 'Loadbalancer', detail: 'HAProxy' }] },
        { label: 'Dienste', boxes: [{ title: 'Knoten 1', detail: '32 GB' }] },
      ],
    },
  ],
  // A chart, drawn as vectors, has no text of its own to find either: its caption tells.
  chart: (i) => [{ type: 'chart', chart: CHART, caption: `Beginn ${id(i)}`, width: 1, aspect: 0.6 }],
  'chart taller than a page': (i) => [{ type: 'chart', chart: CHART, caption: `Beginn ${id(i)}`, width: 1, aspect: 3 }],
  'heading, then a table': (i) => [{ type: 'heading', level: 3, text: `Unterabschnitt ${id(i)}`, numbered: false }, table(i, lines(`Beginn ${id(i)}`, 6))],
};

let pdf: Awaited<ReturnType<typeof renderPdf>>;
let docx: Buffer;

describe('the PDF renderer', () => {
  it('renders every block, with text that extracts as written in German, Greek and Cyrillic', async () => {
    pdf = await renderPdf(model(), FONTS);
    const read = await readPdf(pdf.bytes);
    expect(read.pages.length).toBe(pdf.pages);
    const all = read.pages.map((p) => p.text).join(' ');
    for (const text of ['Äpfel, Öfen, Übergrößen und Straße', 'Привет, мир', 'Καλημέρα κόσμε', 'Erster Punkt', 'Schritt zwei', 'Erledigt', 'Zeile 300', 'Tabelle 1', 'Ein Bild', 'Loadbalancer HAProxy', 'Knoten 2 32 GB', 'Die Plattform', 'Mailsystem (IMAP-', 'Server und Speicher)', 'Provisionierungsschnittstelle', 'Kundenportal der Stadtwerke', 'Objektspeicher · 42,4 GB', 'Jonas Weber, IT', 'Stadtwerke Nordhafen']) {
      expect(all, text).toContain(text);
    }
    expect(all).not.toMatch(/[\u0000-\u0008\u001B]/);
    expect(read.info).toMatchObject({ Title: 'Testdokument Größe', Author: 'Miriam Kaya', Subject: 'Prüfung' });
    expect(read.outline).toEqual(['1 Umlaute und Schriften', '1.1 Listen', '2 Große Tabelle', '3 Abschluss', 'Anhang'].map((t) => t.replace(' ', '  ')));
  });

  it('keeps every text inside its page, repeats the table header on each page of the table, numbers pages but the cover', async () => {
    const read = await readPdf(pdf.bytes);
    for (const [i, page] of read.pages.entries()) {
      for (const item of page.items) {
        expect(item.x, `page ${i + 1}: ${item.str}`).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width, `page ${i + 1}: ${item.str}`).toBeLessThanOrEqual(page.width + 0.5);
        expect(item.y, `page ${i + 1}: ${item.str}`).toBeGreaterThan(0);
        expect(item.y, `page ${i + 1}: ${item.str}`).toBeLessThan(page.height);
      }
    }
    const tablePages = read.pages.filter((p) => /Zeile \d+/.test(p.text));
    expect(tablePages.length).toBeGreaterThan(3);
    for (const page of tablePages) expect(page.text).toContain('Spalte A Spalte B Spalte C');
    expect(read.pages[0]!.text).not.toContain('Seite');
    expect(read.pages[1]!.text).toContain(`Seite 2 von ${pdf.pages}`);
    expect(read.pages.at(-1)!.text).toContain(`Seite ${pdf.pages} von ${pdf.pages}`);
  });

  it('leaves no page blank and no heading at the foot of a page without text after it', async () => {
    const read = await readPdf(pdf.bytes);
    // Body text sits between the header (top 60 pt) and the footer (bottom 50 pt); pdfjs counts y from the bottom.
    for (const [i, page] of read.pages.entries()) {
      const body = page.items.filter((item) => item.str.trim() && item.y > 50 && item.y < page.height - 60);
      expect(body.length, `page ${i + 1} has body text`).toBeGreaterThan(0);
    }
    // Many headings, each with a line of text: wherever one falls near a page's foot, it moves on.
    const dense: DocumentModel = {
      ...model(),
      blocks: Array.from({ length: 80 }, (_, i): DocumentModel['blocks'] => [
        { type: 'heading', level: 2, text: `Abschnitt ${i + 1}`, numbered: false },
        // One to four lines, so that the headings land everywhere on the pages.
        { type: 'paragraph', runs: [{ text: Array.from({ length: (i % 4) + 1 }, () => `Text ${i + 1}`).join('\n') }] },
      ]).flat(),
    };
    const densePdf = await renderPdf(dense, FONTS);
    const denseRead = await readPdf(densePdf.bytes);
    expect(densePdf.pages).toBeGreaterThan(2);
    for (const [index, pageIndex] of densePdf.headingPages) {
      const block = dense.blocks[index] as { text: string };
      const item = denseRead.pages[pageIndex - 1]!.items.find((x) => x.str === block.text);
      expect(item, block.text).toBeDefined();
      // Three lines of body text still fit below it.
      expect(item!.y, block.text).toBeGreaterThan(64 + 3 * 14);
    }
  });

  it('keeps a heading on the page where what follows it starts, whatever kind of block that is', async () => {
    // Each section starts a page with a paragraph of 36 to 51 lines, which puts its heading
    // anywhere from about 200 pt above the foot of the page down to the foot itself.
    const sections = Object.entries(FOLLOWERS).flatMap(([kind, follower]) => Array.from({ length: 16 }, (_, n) => ({ kind, fill: 36 + n, follower })));
    const blocks = sections.flatMap(({ fill, follower }, i): Block[] => [
      ...(i > 0 ? [{ type: 'pageBreak' } as const] : []),
      { type: 'paragraph', runs: [{ text: lines('Füllzeile', fill) }] },
      { type: 'heading', level: 2, text: `Abschnitt ${id(i)}`, numbered: false },
      ...follower(i),
    ]);
    const result = await renderPdf({ ...model(), blocks }, FONTS);
    const read = await readPdf(result.bytes);
    const parted = sections.filter((_, i) => {
      const heading = read.pages.findIndex((p) => p.items.some((item) => item.str === `Abschnitt ${id(i)}`));
      return heading < 0 || read.pages.findIndex((p) => p.text.includes(`Beginn ${id(i)}`)) !== heading;
    });
    expect(parted.map(({ kind, fill }) => `${kind} after ${fill} lines`)).toEqual([]);
    // Nor is a page left blank, even by a block too tall for one (body text lies between header and footer).
    const blank = read.pages.flatMap((page, i) => (page.items.some((item) => item.str.trim() && item.y > 50 && item.y < page.height - 60) ? [] : [i + 1]));
    expect(blank).toEqual([]);
  });

  it('writes the page of each heading into the table of contents, and that page has the heading', async () => {
    const read = await readPdf(pdf.bytes);
    const toc = read.pages[1]!.text;
    for (const [index, page] of pdf.headingPages) {
      const block = model().blocks[index] as { text: string; level: number };
      expect(read.pages[page - 1]!.text).toContain(block.text);
      if (block.level <= 2) expect(toc).toMatch(new RegExp(`${block.text} ${page}\\b`));
    }
  });

  it('gives the same bytes for the same model and date', async () => {
    expect((await renderPdf(model(), FONTS)).bytes.equals(pdf.bytes)).toBe(true);
  });
});

describe('the DOCX renderer', () => {
  let parts: Record<string, string>;

  it('writes well-formed parts with the document properties and the content', async () => {
    docx = await renderDocx(model(), FONTS);
    parts = await readDocx(docx);
    const body = parts['word/document.xml']!;
    for (const text of ['Äpfel, Öfen, Übergrößen und Straße; ', 'Привет, мир', 'Καλημέρα κόσμε', 'Zeile 300', 'Jonas Weber, IT', 'Knoten 2', 'Die Plattform', LONG_WORD]) expect(body, text).toContain(text);
    expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parts['docProps/core.xml']).toContain('<dc:title>Testdokument Größe</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Miriam Kaya</dc:creator>');
    expect(parts['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>2026-11-27T00:00:00Z</);
  });

  it.skipIf(!OOXML_VALIDATOR)('passes the Open XML SDK validator (the OOXML schemas and their rules), with every block type in it (linux-x64, where the validator exists)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-ooxml-'));
    try {
      writeFileSync(join(dir, 'test.docx'), docx);
      const result = await validateOoxml(join(dir, 'test.docx'));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('repeats table headers, keeps rows whole, defines the heading styles it uses, and numbers pages in the footer', () => {
    const body = parts['word/document.xml']!;
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:cantSplit/>');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(parts['word/styles.xml']).toContain('w:styleId="Heading1"');
    expect(parts['word/styles.xml']).toContain('w:styleId="Title"');
    const footer = Object.entries(parts).find(([name, xml]) => name.startsWith('word/footer') && xml.includes('PAGE'))?.[1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('writes the contents as links to the headings, with page-reference fields the word processor fills in and no page number of its own', () => {
    const body = parts['word/document.xml']!;
    const fields = [...body.matchAll(/<w:instrText[^>]*>PAGEREF (h\d+) \\h<\/w:instrText>(.*?)<w:fldChar w:fldCharType="end"\/>/g)];
    const headings = model().blocks.flatMap((b, i) => (b.type === 'heading' && b.level <= 2 ? [`h${i}`] : []));
    expect(fields.map(([, bookmark]) => bookmark)).toEqual(headings);
    for (const [, bookmark] of fields) expect(body.includes(`<w:hyperlink w:history="1" w:anchor="${bookmark}">`), `link to ${bookmark}`).toBe(true);
    // Between a field's instruction and its end there is no result: no number we worked out ourselves.
    expect(fields.map(([, , result]) => result)).toEqual(headings.map(() => '<w:fldChar w:fldCharType="separate"/>'));
  });

  it('gives the same bytes for the same model and date', async () => {
    expect((await renderDocx(model(), FONTS)).equals(docx)).toBe(true);
  });

  // LibreOffice is a real consumer: it must open the file as written and lay it out.
  it.skipIf(!SOFFICE)('opens in LibreOffice, which lays it out with the same content and the page of each heading in the contents', async () => {
    const read = await readPdf(docxToPdf(docx));
    const text = read.pages.map((p) => p.text).join(' ');
    for (const expected of ['Äpfel, Öfen, Übergrößen und Straße', 'Привет, мир', 'Zeile 300', 'Jonas Weber, IT']) expect(text, expected).toContain(expected);
    expect(read.pages[1]!.text).toMatch(/Inhalt .*Große Tabelle/);
    expect(read.pages.at(-1)!.text).toContain(`Seite ${read.pages.length} von ${read.pages.length}`);
    const pages = contentsPages(read.pages, ['1 Umlaute und Schriften', '1.1 Listen', '2 Große Tabelle', '3 Abschluss', 'Anhang']);
    expect(pages.filter((p) => p.listed !== p.actual)).toEqual([]);
  }, 180_000);

  it.skipIf(!SOFFICE)('keeps the page header on one line in LibreOffice, however long the title and the consultancy', async () => {
    const title = 'Protokoll: Workshop Authentifizierung, Provisionierung und Single Sign-on mit den Stadtwerken Nordhafen';
    const long: DocumentModel = {
      ...model(),
      meta: { ...model().meta, title },
      header: { left: [{ text: 'Fieldbook Consulting für Groupware-Einführungen GmbH & Co. KG' }], center: [], right: [{ field: 'title' }] },
      blocks: [{ type: 'heading', level: 1, text: 'Erster Abschnitt', numbered: true }, { type: 'paragraph', runs: [{ text: 'Text' }] }, { type: 'pageBreak' }, { type: 'paragraph', runs: [{ text: 'Mehr Text' }] }],
    };
    const read = await readPdf(docxToPdf(await renderDocx(long, FONTS)));
    expect(read.pages.length).toBe(3);
    for (const [i, page] of read.pages.entries()) {
      if (i === 0) continue;
      expect(headerBaselines(page), `page ${i + 1}: ${page.text}`).toHaveLength(1);
      const header = page.items.filter((item) => item.str.trim() && item.y > page.height - 72);
      expect(header.map((item) => item.str).join(' '), `page ${i + 1}`).toMatch(/^Fieldbook Consulting .* Protokoll: Workshop/);
      for (const item of header) expect(item.x + item.width, item.str).toBeLessThanOrEqual(page.width - 60);
    }
  }, 180_000);

  it('shortens the text of a crowded footer line, never its page fields', async () => {
    const crowded: DocumentModel = {
      ...model(),
      footer: { left: [{ text: 'Vertraulich – nur für die Stadtwerke Nordhafen und ihre Dienstleister' }], center: [{ field: 'title' }], right: [{ text: 'Seite ' }, { field: 'page' }, { text: ' von ' }, { field: 'pages' }] },
    };
    const footers = Object.entries(await readDocx(await renderDocx(crowded, FONTS))).filter(([name]) => name.startsWith('word/footer'));
    const footer = footers.map(([, xml]) => xml).find((xml) => xml.includes('Vertraulich'));
    expect(footer).toContain('…');
    expect(footer).toMatch(/>\s*PAGE\s*</);
    expect(footer).toMatch(/>\s*NUMPAGES\s*</);
  });

  it('writes a document with no optional data at all', async () => {
    const bare: DocumentModel = { ...model(), cover: { ...model().cover, consultancyLogo: null, facts: [], revisions: [] }, blocks: [] };
    await expect(readDocx(await renderDocx(bare, FONTS))).resolves.toHaveProperty(['word/document.xml']);
    const read = await readPdf((await renderPdf(bare, FONTS)).bytes);
    expect(read.pages.length).toBeGreaterThanOrEqual(1);
  });
});
