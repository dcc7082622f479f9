// The two renderers, read back with real readers: every block type in PDF text (umlauts, ß,
// Greek and Cyrillic extracted as written) and in DOCX XML (well-formed, repeated header rows,
// unsplittable rows, a filled table of contents, page fields); awkward input (control
// characters, a very long word, a 300-row table, missing optional data) never breaks a file or
// leaves the page; the same model gives the same bytes. Then minutes made through the API.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/documents/docx.ts';
import { renderPdf, type FontFiles } from '../../electron/core/documents/pdf.ts';
import type { DocumentModel } from '../../shared/documents/model.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';

const font = (name: string) => readFileSync(`resources/fonts/${name}`);
const FONTS: FontFiles = { regular: font('NotoSans-Regular.ttf'), bold: font('NotoSans-Bold.ttf'), italic: font('NotoSans-Italic.ttf'), boldItalic: font('NotoSans-BoldItalic.ttf') };
const PNG_DOT = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** LibreOffice, where installed (CI installs it; a developer's machine may not have it). */
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) ?? null;
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
    docx = await renderDocx(model(), pdf.headingPages);
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

  it('writes the table of contents filled in, with the pages the layout found, so Word need not update it', () => {
    const body = parts['word/document.xml']!;
    expect(body).not.toMatch(/w:dirty="true"/);
    const page = pdf.headingPages.get(model().blocks.findIndex((b) => b.type === 'heading' && b.text === 'Große Tabelle'))!;
    expect(body).toMatch(new RegExp(`2  Große Tabelle.*?<w:t[^>]*>${page}</w:t>`, 's'));
  });

  it('gives the same bytes for the same model and date', async () => {
    expect((await renderDocx(model(), pdf.headingPages)).equals(docx)).toBe(true);
  });

  // LibreOffice is a real consumer: it must open the file as written and lay it out.
  it.skipIf(!soffice)('opens in LibreOffice, which lays it out with the same content and a filled table of contents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-lo-'));
    try {
      writeFileSync(join(dir, 'test.docx'), docx);
      execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'test.docx')], { stdio: 'ignore', timeout: 120_000 });
      const read = await readPdf(readFileSync(join(dir, 'test.pdf')));
      const text = read.pages.map((p) => p.text).join(' ');
      for (const expected of ['Äpfel, Öfen, Übergrößen und Straße', 'Привет, мир', 'Zeile 300', 'Jonas Weber, IT']) expect(text, expected).toContain(expected);
      expect(read.pages[1]!.text).toMatch(/Inhalt .*Große Tabelle/);
      expect(read.pages.at(-1)!.text).toContain(`Seite ${read.pages.length} von ${read.pages.length}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('writes a document with no optional data at all', async () => {
    const bare: DocumentModel = { ...model(), cover: { ...model().cover, consultancyLogo: null, facts: [], revisions: [] }, blocks: [] };
    await expect(readDocx(await renderDocx(bare, new Map()))).resolves.toHaveProperty(['word/document.xml']);
    const read = await readPdf((await renderPdf(bare, FONTS)).bytes);
    expect(read.pages.length).toBeGreaterThanOrEqual(1);
  });
});
