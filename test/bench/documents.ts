// `npm run bench` (fourth part): a document of about 100 pages (concept-like content: numbered
// headings, paragraphs with umlauts, lists, tables of 20 rows) made as PDF and DOCX, median of 3.
// Baselines in the same run: the same text poured into pdfkit with no layout at all; and, where
// installed, pandoc making a DOCX from equivalent Markdown and LibreOffice turning our DOCX into
// PDF. Target: each of ours under 1 s. Then a statement of work of about 40 pages with a chart,
// against that document's rate per page.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { renderDocx } from '../../electron/core/documents/docx.ts';
import { renderPdf } from '../../electron/core/documents/pdf.ts';
import { loadFonts } from '../../electron/core/documents/render.ts';
import type { Block, DocumentModel } from '../../shared/documents/model.ts';
import { longSow } from './sow-document.ts';

const FONTS = loadFonts('resources');
const PARAGRAPH =
  'Die Authentifizierung erfolgt gegen das bestehende OpenLDAP der Stadtwerke; jeder Kontext entspricht einer Gemeinde, die Domäne nach dem @ bestimmt den Kontext. Größere Änderungen an der Struktur sind nicht vorgesehen, Übergänge werden im Statuscall abgestimmt.';

function model(sections: number): DocumentModel {
  const blocks: Block[] = [{ type: 'toc', title: 'Inhalt' }];
  for (let s = 1; s <= sections; s++) {
    blocks.push({ type: 'heading', level: 1, text: `Thema ${s}: Lastverteilung und Speicher`, numbered: true });
    for (let sub = 1; sub <= 3; sub++) {
      blocks.push({ type: 'heading', level: 2, text: `Entwurf ${s}.${sub}`, numbered: true });
      blocks.push({ type: 'paragraph', runs: [{ text: PARAGRAPH }, { text: ' Beschluss: ', bold: true }, { text: PARAGRAPH }] });
      blocks.push({ type: 'list', ordered: false, items: [[{ text: 'Zwei Middleware-Knoten mit 32 GB' }], [{ text: 'NFS-Dateispeicher, 2 TB' }], [{ text: 'Galera-Cluster aus drei Knoten' }]] });
    }
    blocks.push({
      type: 'table',
      columns: [
        { title: 'Komponente', width: 0.3 },
        { title: 'Geliefert von', width: 0.2 },
        { title: 'Bemerkung', width: 0.5 },
      ],
      rows: Array.from({ length: 20 }, (_, i) => [[{ text: `Knoten ${i + 1}` }], [{ text: i % 2 ? 'Kunde' : 'Beratung' }], [{ text: 'Virtualisiert mit VMware, Überwachung über JMX' }]]),
    });
  }
  return {
    meta: { title: 'Implementierungskonzept', subject: 'Konzept', author: 'Miriam Kaya', company: 'Fieldbook Consulting', language: 'de', version: '1', date: '2026-11-27', confidentiality: 'Vertraulich', keywords: [] },
    theme: { accent: '#0b5cad', fontSize: 10, pageSize: 'A4' },
    cover: { consultancyLogo: null, customerLogo: null, title: 'Implementierungskonzept', subtitle: 'Stadtwerke Nordhafen', facts: [], revisions: [], revisionColumns: ['Version', 'Datum', 'Autor', 'Änderung'] },
    header: { left: [{ text: 'Fieldbook Consulting' }], center: [], right: [{ field: 'title' }] },
    footer: { left: [], center: [], right: [{ text: 'Seite ' }, { field: 'page' }, { text: ' von ' }, { field: 'pages' }] },
    blocks,
  };
}

/** How long `work` takes, awaited when it returns a promise (the outside tools run synchronously). */
async function time<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function median(work: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push((await time(work))[1]);
  return runs.sort((a, b) => a - b)[1]!;
}

/** The same words in pdfkit without headings, tables, contents or page furniture. */
function plainPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('regular', FONTS.regular);
  doc.font('regular').fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

function markdown(m: DocumentModel): string {
  return m.blocks
    .map((b) => {
      if (b.type === 'heading') return `${'#'.repeat(b.level)} ${b.text}`;
      if (b.type === 'paragraph') return b.runs.map((r) => (r.bold ? `**${r.text.trim()}** ` : r.text)).join('');
      if (b.type === 'list') return b.items.map((i) => `- ${i[0]!.text}`).join('\n');
      if (b.type === 'table') return [`| ${b.columns.map((c) => c.title).join(' | ')} |`, `|${b.columns.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map((c) => c[0]!.text).join(' | ')} |`)].join('\n');
      return '';
    })
    .join('\n\n');
}

const installed = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

// Enough sections for 100 pages or a few more.
let sections = 10;
let pdf = await renderPdf(model(sections), FONTS);
sections = Math.ceil((sections * 100) / pdf.pages);
while ((pdf = await renderPdf(model(sections), FONTS)).pages < 100) sections += 1;
const doc = model(sections);
const pdfMs = await median(() => renderPdf(doc, FONTS));
const docxMs = await median(() => renderDocx(doc, FONTS));
const words = doc.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type === 'heading' ? b.text : '')).join('\n');
const plainMs = await median(() => plainPdf(words));

console.log(`\nA document of ${pdf.pages} pages (${sections} topics: headings, paragraphs, lists, tables of 20 rows; contents, header, footer):`);
console.log(`   PDF  (pdfkit, our layout, two passes for the contents): ${pdfMs.toFixed(0)} ms   (target < 1,000 ms)`);
console.log(`   DOCX (docx, contents as page-reference fields):         ${docxMs.toFixed(0)} ms   (target < 1,000 ms)`);
console.log(`   baseline, its text poured into pdfkit without layout:    ${plainMs.toFixed(0)} ms → our PDF takes ${(pdfMs / plainMs).toFixed(1)}×`);

const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-docs-'));
try {
  if (installed('pandoc')) {
    writeFileSync(join(dir, 'concept.md'), markdown(doc));
    const ms = await median(() => execFileSync('pandoc', [join(dir, 'concept.md'), '-o', join(dir, 'pandoc.docx')]));
    console.log(`   pandoc, equivalent Markdown to DOCX:                     ${ms.toFixed(0)} ms → ours is ${(ms / docxMs).toFixed(1)}× faster`);
  } else console.log('   pandoc: not installed here, not measured');
  const office = installed('soffice') ? 'soffice' : installed('libreoffice') ? 'libreoffice' : null;
  if (office) {
    writeFileSync(join(dir, 'concept.docx'), await renderDocx(doc, FONTS));
    const [, ms] = await time(() => execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'concept.docx')], { stdio: 'ignore' }));
    console.log(`   LibreOffice, our DOCX to PDF (one run, cold):            ${ms.toFixed(0)} ms → ours is ${(ms / pdfMs).toFixed(1)}× faster`);
  } else console.log('   LibreOffice: not installed here, not measured');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// A statement of work of about 40 pages with its effort chart (vector graphics in the PDF, an SVG
// with a PNG beside it in the DOCX), against the 100-page document's rate per page above.
let deliverables = 40;
let sowPdf = await renderPdf(longSow(deliverables), FONTS);
deliverables = Math.ceil((deliverables * 40) / sowPdf.pages);
while ((sowPdf = await renderPdf(longSow(deliverables), FONTS)).pages < 40) deliverables += 2;
const sowModel = longSow(deliverables);
const sowPdfMs = await median(() => renderPdf(sowModel, FONTS));
const sowDocxMs = await median(() => renderDocx(sowModel, FONTS));
const perPage = (ms: number, pages: number) => ms / pages;
console.log(`\nA statement of work of ${sowPdf.pages} pages (${deliverables} deliverables and effort lines, fee table, payment schedule, effort chart):`);
console.log(`   PDF:  ${sowPdfMs.toFixed(0)} ms, ${perPage(sowPdfMs, sowPdf.pages).toFixed(1)} ms a page against ${perPage(pdfMs, pdf.pages).toFixed(1)} ms a page for the ${pdf.pages}-page document (${(perPage(sowPdfMs, sowPdf.pages) / perPage(pdfMs, pdf.pages)).toFixed(1)}×)`);
console.log(`   DOCX: ${sowDocxMs.toFixed(0)} ms, ${perPage(sowDocxMs, sowPdf.pages).toFixed(1)} ms a page against ${perPage(docxMs, pdf.pages).toFixed(1)} ms a page for the ${pdf.pages}-page document (${(perPage(sowDocxMs, sowPdf.pages) / perPage(docxMs, pdf.pages)).toFixed(1)}×)`);
