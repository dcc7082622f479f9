// A chart block in the documents, read back with real readers: in the PDF vector graphics (path
// operators, no picture) with its texts in the document's embedded fonts; in the DOCX an SVG
// picture with a PNG for word processors without SVG, both of the chart's size and aspect, that
// passes the Open XML validator and that LibreOffice shows. The same model gives the same bytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/core/documents/docx.ts';
import { renderPdf } from '../../electron/core/documents/pdf.ts';
import { loadFonts } from '../../electron/core/documents/render.ts';
import type { Chart } from '../../shared/charts/chart.ts';
import { chartSvg } from '../../shared/charts/chart-svg.ts';
import type { DocumentModel } from '../../shared/documents/model.ts';
import { docxToPdf, SOFFICE } from '../support/libreoffice.ts';
import { pdfOperators, readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';

const FONTS = loadFonts('resources');
const TITLE = `Budget SOW-01 <Größe> & 'Änderungen' "neu"`;

const burn: Chart = {
  kind: 'line',
  over: 'dates',
  language: 'de',
  title: TITLE,
  value: { title: 'Aufwand', unit: 'Tage' },
  along: { title: 'Datum' },
  series: [
    { name: 'Geplant', points: [{ x: '2026-11-02', y: 0 }, { x: '2027-01-29', y: 1480 }] },
    { name: 'Verbraucht', points: [{ x: '2026-11-02', y: 0 }, { x: '2026-11-16', y: 310.5 }, { x: '2026-11-30', y: 702.25 }] },
    { name: 'Prognose', dashed: true, points: [{ x: '2026-11-30', y: 702.25 }, { x: '2027-01-29', y: 1620 }] },
  ],
};

/** A document whose body page has a heading, a line of text and the chart: nothing else draws a path or a picture there. */
function model(): DocumentModel {
  return {
    meta: { title: 'Budget', subject: 'Verbrauch', author: 'Miriam Kaya', company: 'Fieldbook Consulting', language: 'de', version: '1', date: '2026-11-27', confidentiality: '', keywords: [] },
    theme: { accent: '#0b5cad', fontSize: 10, pageSize: 'A4' },
    cover: { consultancyLogo: null, customerLogo: null, title: 'Budget', subtitle: '', facts: [], revisions: [], revisionColumns: ['Version', 'Datum', 'Autor', 'Änderung'] },
    header: { left: [], center: [], right: [] },
    footer: { left: [], center: [], right: [] },
    blocks: [
      { type: 'heading', level: 1, text: 'Verbrauch', numbered: true },
      { type: 'paragraph', runs: [{ text: 'Der Verbrauch bis heute und die Prognose.' }] },
      { type: 'chart', chart: burn, caption: 'Abbildung 1: Verbrauch gegen Plan', width: 0.9, aspect: 0.55 },
    ],
  };
}

describe('a chart in the PDF', () => {
  it('is drawn as vector paths, not as a picture, with its texts in the embedded Noto Sans', async () => {
    const pdf = (await renderPdf(model(), FONTS)).bytes;
    const [, page] = await pdfOperators(pdf);
    // Grid lines, axes, ticks, three lines and their legend samples.
    expect(page!.get('constructPath')).toBeGreaterThan(20);
    expect([...page!.keys()].filter((op) => /image/i.test(op))).toEqual([]);
    const read = await readPdf(pdf);
    const text = read.pages[1]!.text;
    for (const expected of [TITLE, 'Aufwand (Tage)', 'Datum', 'Geplant', 'Verbraucht', 'Prognose', '01.12.2026', '01.01.2027', '1.200', 'Abbildung 1: Verbrauch gegen Plan']) expect(text, expected).toContain(expected);
    // No font but the document's own, embedded (a subset): svg-to-pdfkit's default would be Helvetica.
    const fonts = new Set(pdf.toString('latin1').match(/\/BaseFont \/[^\s/]+/g));
    expect(fonts.size).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^\/BaseFont \/[A-Z]{6}\+NotoSans-(Regular|Bold|Italic|BoldItalic)$/);
  });

  it('takes its share of the text width at its aspect, inside the margins', async () => {
    const read = await readPdf((await renderPdf(model(), FONTS)).bytes);
    const page = read.pages[1]!;
    const text = 595.28 - 2 * 64;
    const items = page.items.filter((item) => ['1.800', '0', '01.01.2027', TITLE, 'Datum'].includes(item.str));
    const x = items.map((item) => item.x);
    // The chart's texts lie within its 90 % of the text width, centred.
    expect(Math.min(...x)).toBeGreaterThanOrEqual(64 + (text * 0.1) / 2 - 1);
    expect(Math.max(...items.map((item) => item.x + item.width))).toBeLessThanOrEqual(64 + text - (text * 0.1) / 2 + 1);
    // From its title to the axis's name: about the chart's height (0.55 of its width).
    const y = (str: string) => page.items.find((item) => item.str === str)!.y;
    expect(y(TITLE) - y('Datum')).toBeGreaterThan(text * 0.9 * 0.55 * 0.8);
    expect(y(TITLE) - y('Datum')).toBeLessThan(text * 0.9 * 0.55);
  });

  it('gives the same bytes for the same model and date', async () => {
    expect((await renderPdf(model(), FONTS)).bytes.equals((await renderPdf(model(), FONTS)).bytes)).toBe(true);
  });
});

describe('a chart in the DOCX', () => {
  it('is an SVG picture, the SVG of the PDF, with a PNG of it for word processors without SVG, at the chart size', async () => {
    const docx = await renderDocx(model(), FONTS);
    const parts = await readDocx(docx);
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    expect(media.map((name) => name.replace(/.*\./, '')).sort()).toEqual(['png', 'svg']);
    // The chart drawn in points at 90 % of the 6.5 in text width, as in the PDF.
    const width = 468 * 0.9;
    const size = { width, height: width * 0.55 };
    expect(parts[media.find((name) => name.endsWith('.svg'))!]).toBe(chartSvg(burn, size));
    // The PNG at four pixels a point.
    const png = await (await JSZip.loadAsync(docx)).file(media.find((name) => name.endsWith('.png'))!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(size.width * 4));
    expect(Math.abs(png.readUInt32BE(20) - size.height * 4)).toBeLessThanOrEqual(1);
    const body = parts['word/document.xml']!;
    // The picture's frame in EMU (12,700 a point): the chart's size.
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(body)!;
    expect(Number(cx) / 12_700).toBeCloseTo(size.width, 0);
    expect(Number(cy) / 12_700).toBeCloseTo(size.height, 0);
    // The SVG through Office's extension of the picture, the PNG as the picture itself.
    expect(body).toMatch(/<a:blip r:embed="[^"]+"[^>]*>.*<asvg:svgBlip[^>]*r:embed="[^"]+"/s);
    expect(body).toContain(`descr="Abbildung 1: Verbrauch gegen Plan"`);
  });

  it('gives the same bytes for the same model and date', async () => {
    expect((await renderDocx(model(), FONTS)).equals(await renderDocx(model(), FONTS))).toBe(true);
  });

  it.skipIf(!OOXML_VALIDATOR)('passes the Open XML SDK validator (linux-x64, where the validator exists)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-ooxml-'));
    try {
      writeFileSync(join(dir, 'chart.docx'), await renderDocx(model(), FONTS));
      const result = await validateOoxml(join(dir, 'chart.docx'));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!SOFFICE)('opens in LibreOffice, which shows the chart as a picture with its caption', async () => {
    const pdf = docxToPdf(await renderDocx(model(), FONTS));
    const [, page] = await pdfOperators(pdf);
    expect(page!.get('paintImageXObject')).toBeGreaterThanOrEqual(1);
    expect((await readPdf(pdf)).pages[1]!.text).toContain('Abbildung 1: Verbrauch gegen Plan');
  }, 180_000);
});
