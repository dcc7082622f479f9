// The document model as DOCX (npm `docx`). Styles for everything used (headings, title, lists),
// a cover section without header and footer, then the body section with "Page X of Y" (pages
// counted from the cover, as the page-count field does in Word and LibreOffice alike); table
// header rows repeat and rows do not split. The contents' page numbers are page-reference fields
// to the headings' bookmarks, which the word processor works out from its own layout: numbers we
// wrote would be those of our PDF layout, and Word and LibreOffice lay out pages differently
// (a wrong page number is worse than none). LibreOffice fills them as it lays out; Word, when it
// opens the file, asks to update them. A chart is an SVG picture, with a PNG drawn from the same
// SVG by resvg for word processors that show no SVG. The file's own dates are the document's
// date, so the same input gives the same bytes.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CheckBox,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import { chartSvg } from '../../../shared/charts/chart-svg.ts';
import { cleanText, headingNumbers, type Block, type DocumentModel, type Run, type Zone, type ZoneField } from '../../../shared/documents/model.ts';
import { imageSize } from './image-size.ts';
import type { FontFiles } from './pdf.ts';

/** Available in Word and, as its metric twin Liberation Sans, in LibreOffice: Latin, Greek, Cyrillic. */
const FONT = 'Arial';
/** Text width in twentieths of a point: 6.5 in, on A4 with 2.25 cm side margins, on Letter with 1 in. */
const TEXT_WIDTH = 9_360;
const PAGES = { A4: { width: 11_906, height: 16_838 }, LETTER: { width: 12_240, height: 15_840 } } as const;
/** Page margins but the sides (which centre the text width), in twentieths of a point. */
const PAGE_MARGIN = { top: 1_440, bottom: 1_280, header: 680, footer: 600 } as const;
const PX_PER_TWIP = 96 / 1440;
/** A chart's PNG at four pixels a point, 288 dpi: sharp in print. */
const CHART_PNG_ZOOM = 4;
/** Room on a page beside a chart for its headings and caption, in points. */
const CHART_ROOM = 150;
/** Header and footer text size in half-points: 8 pt. */
const ZONE_SIZE = 16;
/**
 * Characters a header or footer line holds without wrapping, counting each as wide as a capital
 * (three quarters of the size in Arial), less room for the tabs between its slots. Ordinary text
 * stays well short of the margin.
 */
const ZONE_CHARS = Math.floor(TEXT_WIDTH / ((ZONE_SIZE / 2) * 20 * 0.75)) - 6;
/** A page number field, counted as wide as three digits. */
const FIELD_CHARS = 3;

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

function runs(items: readonly Run[]): ParagraphChild[] {
  return items
    .filter((r) => r.text !== '')
    .flatMap((r): ParagraphChild[] => {
      // A line break inside a run is a break in Word, not a character.
      const lines = cleanText(r.text)
        .split('\n')
        .map((line, i) => new TextRun({ text: line, bold: r.bold, italics: r.italic, ...(r.color ? { color: hex(r.color) } : {}), ...(i > 0 ? { break: 1 } : {}), ...(r.link ? { style: 'Hyperlink' } : {}) }));
      return r.link ? [new ExternalHyperlink({ link: r.link, children: lines })] : lines;
    });
}

const para = (children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({ ...options, children });

function imageRun(url: string, maxWidthPx: number): ImageRun {
  const data = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  const size = imageSize(data);
  const width = Math.min(maxWidthPx, size.width);
  return new ImageRun({
    type: url.startsWith('data:image/png') ? 'png' : 'jpg',
    data,
    transformation: { width, height: Math.round((size.height * width) / size.width) },
  });
}

/**
 * A chart as an SVG picture of its share of the text width, at its aspect (no taller than a page
 * less room for its headings and caption), with a PNG of the same SVG for word processors without
 * SVG. Drawn in points, as in the PDF, so its text has the same sizes in both.
 */
function chartRun(block: Extract<Block, { type: 'chart' }>, pageHeight: number, fonts: FontFiles): ImageRun {
  const width = (TEXT_WIDTH / 20) * block.width;
  const size = { width, height: Math.min(width * block.aspect, pageHeight / 20 - CHART_ROOM) };
  const svg = chartSvg(block.chart, size);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: CHART_PNG_ZOOM },
    // Only the bundled faces, so that the PNG is the same on every machine.
    font: { loadSystemFonts: false, fontFiles: [...fonts.paths], defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  })
    .render()
    .asPng();
  const px = 96 / 72;
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg),
    fallback: { type: 'png', data: png },
    transformation: { width: Math.round(size.width * px), height: Math.round(size.height * px) },
    altText: { name: cleanText(block.chart.title), title: cleanText(block.chart.title), description: cleanText(block.caption) },
  });
}

function cell(children: Paragraph[], widthTwips: number, header: boolean, accent: string): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    children,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(accent) } } : {}),
  });
}

function table(columns: readonly { title: string; width: number }[], rows: readonly Run[][][], accent: string): Table {
  const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) =>
          cell([para([new TextRun({ text: cleanText(c.title), bold: true, color: 'FFFFFF' })])], widths[i]!, true, accent),
        ),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((content, i) => cell([para(runs(content))], widths[i]!, false, accent)),
          }),
      ),
    ],
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE },
  bottom: { style: BorderStyle.NONE },
  left: { style: BorderStyle.NONE },
  right: { style: BorderStyle.NONE },
  insideHorizontal: { style: BorderStyle.NONE },
  insideVertical: { style: BorderStyle.NONE },
};

/** Labels and values in two columns without lines, as on the cover and in key-value blocks. */
function keyValueTable(rows: readonly { label: string; value: readonly Run[] }[], accent: string): Table {
  const [label, value] = [Math.round(TEXT_WIDTH * 0.32), Math.round(TEXT_WIDTH * 0.68)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, value],
    borders: NO_BORDERS,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([para([new TextRun({ text: cleanText(row.label), bold: true })])], label, false, accent),
            cell([para(runs(row.value))], value, false, accent),
          ],
        }),
    ),
  });
}

/** The architecture as a table: a row per layer, its boxes as shaded cells, arrows between. */
function diagram(block: Extract<Block, { type: 'diagram' }>, accent: string): Table {
  const labelWidth = Math.round(TEXT_WIDTH * 0.18);
  const area = TEXT_WIDTH - labelWidth;
  const layerRow = (layer: (typeof block.layers)[number]) => {
    const count = Math.max(1, layer.boxes.length);
    const width = Math.floor(area / count);
    return new TableRow({
      cantSplit: true,
      children: [
        cell([para([new TextRun({ text: cleanText(layer.label), size: 16, color: '5B6877' })])], labelWidth, false, accent),
        new TableCell({
          width: { size: area, type: WidthType.DXA },
          children: [
            new Table({
              width: { size: area, type: WidthType.DXA },
              columnWidths: layer.boxes.map(() => width),
              rows: [
                new TableRow({
                  cantSplit: true,
                  children: layer.boxes.map(
                    (box) =>
                      new TableCell({
                        width: { size: width, type: WidthType.DXA },
                        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF4FB' },
                        margins: { top: 60, bottom: 60, left: 60, right: 60 },
                        children: [
                          para([new TextRun({ text: cleanText(box.title), bold: true, size: 17 })], { alignment: AlignmentType.CENTER }),
                          para([new TextRun({ text: cleanText(box.detail), size: 15 })], { alignment: AlignmentType.CENTER }),
                        ],
                      }),
                  ),
                }),
              ],
            }),
          ],
        }),
      ],
    });
  };
  const arrow = () =>
    new TableRow({
      cantSplit: true,
      children: [
        cell([para([])], labelWidth, false, accent),
        cell([para([new TextRun({ text: '▼', color: '5B6877' })], { alignment: AlignmentType.CENTER })], area, false, accent),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, area],
    borders: NO_BORDERS,
    rows: block.layers.flatMap((layer, i) => (i === 0 ? [layerRow(layer)] : [arrow(), layerRow(layer)])),
  });
}

/**
 * Text, or one of docx's PageNumber fields. docx takes the fields as strings among a run's
 * children ("CURRENT", "TOTAL_PAGES"), so a field is told apart from text by its value.
 */
type ZonePart = string;
const PAGE_FIELDS: ReadonlySet<ZonePart> = new Set(Object.values(PageNumber));
const isText = (part: ZonePart | undefined): part is ZonePart => part !== undefined && !PAGE_FIELDS.has(part);

const partChars = (part: ZonePart) => (isText(part) ? [...part].length : FIELD_CHARS);

/** The slot with its longest text cut by `excess` characters, ending in an ellipsis; a field is never cut. */
function shorten(parts: readonly ZonePart[], excess: number): ZonePart[] {
  const textChars = (part: ZonePart | undefined) => (isText(part) ? [...part].length : -1);
  const longest = parts.reduce((best, part, i) => (textChars(part) > textChars(parts[best]) ? i : best), 0);
  const text = parts[longest];
  if (excess <= 0 || !isText(text) || !text) return [...parts];
  const kept = [...text].slice(0, Math.max(0, [...text].length - excess - 1)).join('').trimEnd();
  return parts.map((part, i) => (i === longest ? `${kept}…` : part));
}

/**
 * Left, centre and right shortened to fit one line together (ZONE_CHARS): a short slot keeps its
 * text, the longer ones share the rest equally.
 */
function fitLine(slots: readonly (readonly ZonePart[])[]): ZonePart[][] {
  const lengths = slots.map((parts) => parts.reduce((n, p) => n + partChars(p), 0));
  const allowed = [...lengths];
  let room = ZONE_CHARS;
  let sharing = slots.length;
  for (const i of lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]!)) {
    allowed[i] = Math.min(lengths[i]!, Math.floor(room / sharing));
    room -= allowed[i];
    sharing -= 1;
  }
  return slots.map((parts, i) => shorten(parts, lengths[i]! - allowed[i]!));
}

function zone(z: Zone, model: DocumentModel): Paragraph {
  const part = (f: ZoneField): ZonePart =>
    'text' in f
      ? cleanText(f.text)
      : f.field === 'page'
        ? PageNumber.CURRENT
        : f.field === 'pages'
          ? PageNumber.TOTAL_PAGES
          : f.field === 'date'
            ? model.meta.date
            : cleanText(model.meta.title);
  const [left, center, right] = fitLine([z.left.map(part), z.center.map(part), z.right.map(part)]) as [ZonePart[], ZonePart[], ZonePart[]];
  // Left, centre and right in one line, by tab stops at the middle and at the right margin. The
  // centre stop only when the centre has text: a left text past the middle would otherwise take
  // the right stop, and the right text the line after.
  const centred = center.length > 0;
  return new Paragraph({
    tabStops: [...(centred ? [{ type: TabStopType.CENTER, position: TEXT_WIDTH / 2 }] : []), { type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    children: [new TextRun({ children: [...left, ...(centred ? ['\t', ...center] : []), '\t', ...right], size: ZONE_SIZE, color: '5B6877' })],
  });
}

/**
 * The contents: an entry per heading of levels 1 and 2, linked to its bookmark, with a
 * page-reference field for its page, left for the word processor to fill in.
 */
function contents(model: DocumentModel, title: string, numbers: ReadonlyMap<number, string>): Paragraph[] {
  const entries = model.blocks.flatMap((b, i) => {
    if (b.type !== 'heading' || b.level > 2) return [];
    const number = numbers.get(i);
    const text = cleanText(number ? `${number}  ${b.text}` : b.text);
    return [
      para([new InternalHyperlink({ anchor: `h${i}`, children: [new TextRun({ text, bold: b.level === 1 })] }), new TextRun('\t'), new PageReference(`h${i}`, { hyperlink: true })], {
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
        ...(b.level === 2 ? { indent: { left: 360 } } : {}),
        spacing: { after: 60 },
      }),
    ];
  });
  return [para([new TextRun({ text: cleanText(title), bold: true, size: 32, color: hex(model.theme.accent) })], { spacing: { after: 200 } }), ...entries, para([new PageBreak()])];
}

function body(model: DocumentModel, fonts: FontFiles): (Paragraph | Table)[] {
  const numbers = headingNumbers(model.blocks);
  const accent = model.theme.accent;
  const out: (Paragraph | Table)[] = [];
  const heading = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  model.blocks.forEach((block: Block, index) => {
    switch (block.type) {
      case 'heading': {
        const number = numbers.get(index);
        const text = cleanText(number ? `${number}  ${block.text}` : block.text);
        out.push(para([new Bookmark({ id: `h${index}`, children: [new TextRun(text)] })], { heading: heading[block.level], keepNext: true }));
        return;
      }
      case 'paragraph':
        out.push(para(runs(block.runs)));
        return;
      case 'list':
        for (const item of block.items) out.push(para(runs(item), { numbering: { reference: block.ordered ? 'numbers' : 'bullets', level: 0, instance: index } }));
        return;
      case 'table':
        out.push(table(block.columns, block.rows, accent));
        if (block.caption) out.push(para([new TextRun({ text: cleanText(block.caption), italics: true, size: 18 })]));
        else out.push(para([]));
        return;
      case 'keyValue':
        out.push(keyValueTable(block.rows, accent), para([]));
        return;
      case 'checklist':
        for (const item of block.items) out.push(para([new CheckBox({ checked: item.checked }), new TextRun(` ${cleanText(item.text)}`)]));
        return;
      case 'signatures': {
        const half = Math.round(TEXT_WIDTH / 2);
        const rows: TableRow[] = [];
        for (let i = 0; i < block.parties.length; i += 2) {
          const pair = block.parties.slice(i, i + 2);
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [0, 1].map((j) => {
                const party = pair[j];
                return cell(
                  party
                    ? [
                        para([new TextRun({ text: cleanText(party.organisation), bold: true })]),
                        para([], { spacing: { before: 720 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '444444', space: 1 } } }),
                        para([new TextRun({ text: cleanText([party.name, party.role].filter(Boolean).join(', ')), size: 18 })]),
                      ]
                    : [para([])],
                  half,
                  false,
                  accent,
                );
              }),
            }),
          );
        }
        out.push(
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: [half, half],
            borders: NO_BORDERS,
            rows,
          }),
        );
        return;
      }
      case 'image':
        out.push(para([imageRun(block.data, TEXT_WIDTH * PX_PER_TWIP * block.width)], { alignment: AlignmentType.CENTER, keepNext: true }));
        out.push(para([new TextRun({ text: cleanText(block.caption), italics: true, size: 18 })], { alignment: AlignmentType.CENTER }));
        return;
      case 'diagram':
        out.push(diagram(block, accent));
        out.push(para([new TextRun({ text: cleanText(block.caption), italics: true, size: 18 })], { alignment: AlignmentType.CENTER }));
        return;
      case 'chart': {
        const page = PAGES[model.theme.pageSize];
        out.push(para([chartRun(block, page.height - PAGE_MARGIN.top - PAGE_MARGIN.bottom, fonts)], { alignment: AlignmentType.CENTER, keepNext: true }));
        out.push(para([new TextRun({ text: cleanText(block.caption), italics: true, size: 18 })], { alignment: AlignmentType.CENTER }));
        return;
      }
      case 'pageBreak':
        out.push(para([new PageBreak()]));
        return;
      case 'toc':
        out.push(...contents(model, block.title, numbers));
        return;
    }
  });
  return out;
}

function cover(model: DocumentModel): (Paragraph | Table)[] {
  const { cover: c, theme } = model;
  const logos = [c.consultancyLogo, c.customerLogo].filter((l): l is string => l !== null);
  return [
    para(logos.flatMap((logo, i) => [...(i > 0 ? [new TextRun('\t')] : []), imageRun(logo, 180)]), {
      tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
      spacing: { after: 2400 },
    }),
    para([new TextRun(cleanText(c.title))], { heading: HeadingLevel.TITLE }),
    para([new TextRun({ text: cleanText(c.subtitle), size: 28, color: '333333' })], { spacing: { after: 600 } }),
    keyValueTable(
      c.facts.map((f) => ({ label: f.label, value: [{ text: f.value }] })),
      theme.accent,
    ),
    para(model.meta.confidentiality ? [new TextRun({ text: cleanText(model.meta.confidentiality), italics: true })] : [], { spacing: { before: 400, after: 600 } }),
    table(
      c.revisionColumns.map((title, i) => ({ title, width: [0.12, 0.18, 0.25, 0.45][i]! })),
      c.revisions.map((r) => [r.version, r.date, r.author, r.change].map((text) => [{ text }])),
      theme.accent,
    ),
  ];
}

/**
 * The same input must give the same bytes, and `docx` writes the clock and a few random or
 * process-wide values into the file: the creation dates, the zip entries' dates, random
 * relationship ids of images, and drawing and bookmark ids counted across every document the
 * process made.
 * They are rewritten here: the document's date, and ids numbered in order of appearance.
 */
async function makeReproducible(bytes: Buffer, date: string): Promise<Buffer> {
  const when = new Date(`${date}T00:00:00Z`);
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort();
  const texts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) texts.set(name, await zip.files[name]!.async('string'));
  const relIds = new Map<string, string>();
  for (const text of texts.values()) for (const [id] of text.matchAll(/rId[A-Za-z0-9_-]{16,}/g)) if (!relIds.has(id)) relIds.set(id, `rIdMedia${relIds.size + 1}`);
  const bookmarks = new Map<string, number>();
  for (const text of texts.values()) for (const [, id] of text.matchAll(/<w:bookmarkStart[^>]*w:id="(\d+)"/g)) if (!bookmarks.has(id!)) bookmarks.set(id!, bookmarks.size + 1);
  let drawing = 0;
  const out = new JSZip();
  for (const name of names) {
    let text = texts.get(name);
    if (text !== undefined) {
      text = text
        .replace(/rId[A-Za-z0-9_-]{16,}/g, (id) => relIds.get(id)!)
        .replace(/(<wp:docPr id=")\d+"/g, (_, start: string) => `${start}${(drawing += 1)}"`)
        .replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)"/g, (whole, start: string, id: string) => (bookmarks.has(id) ? `${start}${bookmarks.get(id)}"` : whole));
      if (name === 'docProps/core.xml') text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)/g, `$1${when.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`);
      out.file(name, text, { date: when, createFolders: false });
    } else {
      out.file(name, await zip.files[name]!.async('nodebuffer'), { date: when, createFolders: false });
    }
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

export async function renderDocx(model: DocumentModel, fonts: FontFiles): Promise<Buffer> {
  const size = Math.round(model.theme.fontSize * 2);
  const accent = hex(model.theme.accent);
  const headingStyle = (id: string, name: string, pt: number, outline: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt * 2, bold: true, color: accent },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel: outline },
  });
  const paper = PAGES[model.theme.pageSize];
  const side = (paper.width - TEXT_WIDTH) / 2;
  const page = { size: paper, margin: { ...PAGE_MARGIN, left: side, right: side } };
  const document = new Document({
    title: cleanText(model.meta.title),
    subject: cleanText(model.meta.subject),
    creator: cleanText(model.meta.author),
    lastModifiedBy: cleanText(model.meta.author),
    keywords: cleanText(model.meta.keywords.join(', ')),
    description: cleanText(model.meta.company),
    styles: {
      default: { document: { run: { font: FONT, size } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 52, bold: true, color: accent }, paragraph: { spacing: { after: 200 } } },
        headingStyle('Heading1', 'heading 1', 16, 0),
        headingStyle('Heading2', 'heading 2', 13, 1),
        headingStyle('Heading3', 'heading 3', 11.5, 2),
        { id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { left: 720 } } },
      ],
      characterStyles: [{ id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0B5CAD', underline: {} } }],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
      ],
    },
    sections: [
      { properties: { page }, children: cover(model) },
      {
        properties: { page },
        headers: { default: new Header({ children: [zone(model.header, model)] }) },
        footers: { default: new Footer({ children: [zone(model.footer, model)] }) },
        children: body(model, fonts),
      },
    ],
  });
  return makeReproducible(await Packer.toBuffer(document), model.meta.date);
}

