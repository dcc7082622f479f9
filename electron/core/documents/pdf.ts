// The document model as PDF (pdfkit). Our own layout rather than doc.table(): table header rows
// repeat on every page, rows never split (a row taller than a page is set as text instead), a
// heading never ends a page (it moves on with the start of whatever follows it), and nothing is
// written into the margins. Fonts are the bundled Noto Sans faces (Latin, Greek, Cyrillic),
// embedded; a chart's SVG is drawn as vector graphics (svg-to-pdfkit) with the same faces. Laid
// out twice: the first pass learns on which page each heading lands, the second writes those
// pages into the table of contents. Same model and date in, same bytes out.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSvg } from '../../../shared/charts/chart-svg.ts';
import { cleanText, headingNumbers, type Block, type DocumentModel, type Run, type Zone, type ZoneField } from '../../../shared/documents/model.ts';

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
  /** Where the four faces lie: resvg, which draws the DOCX charts' PNG, reads fonts only from files. */
  paths: readonly string[];
}

export interface PdfResult {
  bytes: Buffer;
  /**
   * Page of each heading, by its index in the blocks. Pages count from the cover, as Word and
   * LibreOffice count them (their page-count field counts every page), though the cover shows none.
   */
  headingPages: Map<number, number>;
  pages: number;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 72, bottom: 64, left: 64, right: 64 };
const CELL_PAD = 4;
const HEADING_SIZES = { 1: 16, 2: 13, 3: 11.5 } as const;
/** Space above and below a heading, in lines of its own size. */
const HEADING_SPACE = { before: 0.6, after: 0.3 } as const;
/** Lines of what follows that a heading keeps on its page at the least. */
const KEEP_LINES = 3;
/**
 * Room on a page for the headings kept with a block that never splits (a picture, a table row):
 * three levels of headings, a line each. Such a block is never taller than a page less this, so
 * it and its headings always share a page.
 */
const HEADING_ROOM = 120;
/** Below a picture, for its caption. */
const CAPTION_ROOM = 30;
const KEY_VALUE_GAP = 4;
/** A row of two signature lines. */
const SIGNATURES_ROOM = 110;

function face(run: Pick<Run, 'bold' | 'italic'>): string {
  return run.bold ? (run.italic ? 'bold-italic' : 'bold') : run.italic ? 'italic' : 'regular';
}

const imageBytes = (url: string): Buffer => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
const cellText = (cell: readonly Run[]): string => cleanText(cell.map((r) => r.text).join(''));

const DIAGRAM = { labelWidth: 86, minBoxHeight: 44, gap: 22 } as const;

interface FittedText {
  text: string;
  size: number;
  height: number;
}

interface DiagramLayer {
  label: string;
  boxWidth: number;
  boxes: { title: FittedText; detail: FittedText; height: number }[];
  height: number;
}

/** A table's columns measured: widths, titles, the header row's height and any row's height. */
interface TableMetrics {
  widths: number[];
  titles: string[];
  headerHeight: number;
  rowHeight: (texts: readonly string[], font: string) => number;
  /** A row too tall to share a page with the header and its headings: it is set as text. */
  tooTall: (height: number) => boolean;
}

class Layout {
  readonly doc: Doc;
  readonly model: DocumentModel;
  readonly numbers: Map<number, string>;
  readonly headingPages = new Map<number, number>();
  private readonly tocPages: Map<number, number>;
  private readonly outline: PDFKit.PDFOutline[] = [];

  constructor(model: DocumentModel, fonts: FontFiles, tocPages: Map<number, number>) {
    this.model = model;
    this.tocPages = tocPages;
    this.numbers = headingNumbers(model.blocks);
    const date = new Date(`${model.meta.date}T00:00:00Z`);
    this.doc = new PDFDocument({
      size: model.theme.pageSize,
      margins: MARGIN,
      bufferPages: true,
      pdfVersion: '1.7',
      lang: model.meta.language,
      displayTitle: true,
      info: {
        Title: cleanText(model.meta.title),
        Author: cleanText(model.meta.author),
        Subject: cleanText(model.meta.subject),
        Keywords: cleanText(model.meta.keywords.join(', ')),
        Creator: 'Fieldbook',
        Producer: 'Fieldbook',
        CreationDate: date,
        ModDate: date,
      },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.registerFont('italic', fonts.italic);
    this.doc.registerFont('bold-italic', fonts.boldItalic);
    this.doc.font('regular').fontSize(model.theme.fontSize);
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** The height of a page's body, between the margins. */
  get bodyHeight(): number {
    return this.bottom - MARGIN.top;
  }

  /** The height of `n` lines of body text (Noto Sans sets a line at 1.36 times its size). */
  lines(n: number): number {
    return n * this.model.theme.fontSize * 1.4;
  }

  /** Starts a new page unless `height` still fits on this one. */
  need(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** The number of the page being written, the cover being 1. */
  page(): number {
    return this.doc.bufferedPageRange().count;
  }

  cover(): void {
    const { doc, model } = this;
    const { cover } = model;
    const top = MARGIN.top;
    if (cover.consultancyLogo) doc.image(imageBytes(cover.consultancyLogo), MARGIN.left, top, { fit: [150, 60] });
    if (cover.customerLogo) doc.image(imageBytes(cover.customerLogo), MARGIN.left + this.width - 150, top, { fit: [150, 60], align: 'right' });
    doc.y = top + 150;
    doc.font('bold').fontSize(26).fillColor(model.theme.accent).text(cleanText(cover.title), MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
    doc.font('regular').fontSize(14).fillColor('#333333').text(cleanText(cover.subtitle), { width: this.width });
    doc.moveDown(1.5);
    doc.fillColor('black').fontSize(model.theme.fontSize);
    this.keyValue(cover.facts.map((f) => ({ label: f.label, value: [{ text: f.value }] })));
    if (model.meta.confidentiality) {
      doc.moveDown();
      doc.font('italic').text(cleanText(model.meta.confidentiality), { width: this.width });
    }
    // The revision table sits at the foot of the cover, or on its own page when long.
    const revisionRows = cover.revisions.map((r) => [r.version, r.date, r.author, r.change].map((text) => [{ text }]));
    const height = (revisionRows.length + 1) * (model.theme.fontSize * 1.6 + 2 * CELL_PAD) + 20;
    doc.y = Math.max(doc.y + 20, this.bottom - height);
    this.table(
      cover.revisionColumns.map((title, i) => ({ title, width: [0.12, 0.18, 0.25, 0.45][i]! })),
      revisionRows,
    );
  }

  block(block: Block, index: number): void {
    const { doc, model } = this;
    doc.fillColor('black').font('regular').fontSize(model.theme.fontSize);
    switch (block.type) {
      case 'heading':
        return this.heading(block, index);
      case 'paragraph':
        this.runs(block.runs, MARGIN.left, this.width);
        doc.moveDown(0.5);
        return;
      case 'list':
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${i + 1}.` : '•';
          this.need(this.listItemStart());
          const y = doc.y;
          doc.font('regular').text(marker, MARGIN.left + 4, y, { width: 16, lineBreak: false });
          doc.y = y;
          this.runs(item, MARGIN.left + 22, this.width - 22);
          doc.moveDown(0.2);
        });
        doc.moveDown(0.4);
        return;
      case 'table':
        this.table(block.columns, block.rows);
        if (block.caption) doc.font('italic').fontSize(model.theme.fontSize - 1).text(cleanText(block.caption), MARGIN.left, doc.y + 2, { width: this.width });
        doc.moveDown(0.6);
        return;
      case 'keyValue':
        this.keyValue(block.rows);
        doc.moveDown(0.6);
        return;
      case 'checklist':
        for (const item of block.items) {
          this.need(this.checklistItemHeight(item));
          const y = doc.y;
          const size = model.theme.fontSize * 0.8;
          doc.rect(MARGIN.left + 2, y + 2, size, size).lineWidth(0.8).stroke('#444444');
          if (item.checked) {
            doc
              .moveTo(MARGIN.left + 3.5, y + 2 + size * 0.55)
              .lineTo(MARGIN.left + 2 + size * 0.4, y + 2 + size * 0.85)
              .lineTo(MARGIN.left + 1 + size, y + 3)
              .lineWidth(1.4)
              .stroke(model.theme.accent);
          }
          doc.fillColor('black').font('regular').text(cleanText(item.text), MARGIN.left + 22, y, { width: this.width - 22 });
          doc.moveDown(0.2);
        }
        doc.moveDown(0.4);
        return;
      case 'signatures':
        return this.signatures(block.parties);
      case 'image': {
        const { width, height } = this.imageSize(block);
        this.need(height + CAPTION_ROOM);
        doc.image(imageBytes(block.data), MARGIN.left + (this.width - width) / 2, doc.y, { fit: [width, height], align: 'center' });
        doc.y += height + 4;
        doc.font('italic').fontSize(model.theme.fontSize - 1).text(cleanText(block.caption), MARGIN.left, doc.y, { width: this.width, align: 'center' });
        doc.moveDown(0.8);
        return;
      }
      case 'diagram':
        return this.diagram(block);
      case 'chart':
        return this.chart(block);
      case 'pageBreak':
        doc.addPage();
        return;
      case 'toc':
        return this.toc(block.title);
    }
  }

  private heading(block: Extract<Block, { type: 'heading' }>, index: number): void {
    const { doc, model } = this;
    const text = this.headingText(block, index);
    this.headingFont(block.level);
    if (doc.y > MARGIN.top + 1) doc.moveDown(HEADING_SPACE.before);
    // A heading never ends a page: it moves on unless the start of what follows fits below it.
    // Capped at a page, where moving on would not help.
    this.need(Math.min(this.headingHeight(block, index) + this.keep(index + 1), this.bodyHeight));
    this.headingPages.set(index, this.page());
    doc.addNamedDestination(`h${index}`);
    const parent = block.level === 1 ? doc.outline : this.outline[block.level - 2] ?? doc.outline;
    this.outline[block.level - 1] = parent.addItem(text);
    this.headingFont(block.level);
    doc.fillColor(model.theme.accent).text(text, MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(HEADING_SPACE.after);
  }

  private headingText(block: Extract<Block, { type: 'heading' }>, index: number): string {
    const number = this.numbers.get(index);
    return cleanText(number ? `${number}  ${block.text}` : block.text);
  }

  private headingFont(level: 1 | 2 | 3): void {
    this.doc.font('bold').fontSize(HEADING_SIZES[level]);
  }

  /** A heading's lines and the space below them. */
  private headingHeight(block: Extract<Block, { type: 'heading' }>, index: number): number {
    const { doc } = this;
    this.headingFont(block.level);
    return doc.heightOfString(this.headingText(block, index), { width: this.width }) + doc.currentLineHeight(true) * HEADING_SPACE.after;
  }

  /** The room a heading keeps below it for the block at `index`: its start, and a few lines at the least. */
  private keep(index: number): number {
    return Math.max(this.lines(KEEP_LINES), this.start(index));
  }

  /**
   * The room the block at `index` needs to start on a page: the part of it that never splits,
   * measured as the block itself measures it before it writes. After a heading, that is the
   * heading with what it keeps, so a chain of headings moves on together.
   */
  private start(index: number): number {
    const { doc, model } = this;
    const block = model.blocks[index];
    doc.font('regular').fontSize(model.theme.fontSize);
    switch (block?.type) {
      case 'heading':
        this.headingFont(block.level);
        return doc.currentLineHeight(true) * HEADING_SPACE.before + this.headingHeight(block, index) + this.keep(index + 1);
      case 'list':
        return this.listItemStart();
      case 'table':
        return this.tableStart(this.tableMetrics(block.columns), block.rows);
      case 'keyValue':
        return block.rows[0] ? this.keyValueRow(block.rows[0]).height + KEY_VALUE_GAP : 0;
      case 'checklist':
        return block.items[0] ? this.checklistItemHeight(block.items[0]) : 0;
      case 'signatures':
        return block.parties.length > 0 ? SIGNATURES_ROOM : 0;
      case 'image':
        return this.imageSize(block).height + CAPTION_ROOM;
      case 'diagram':
        return this.diagramLayout(block).height;
      case 'chart':
        return this.chartSize(block).height + CAPTION_ROOM;
      // Text flows line by line, and nothing at all follows the last block or a page break.
      case 'paragraph':
      case 'pageBreak':
      case 'toc':
      case undefined:
        return 0;
    }
  }

  /** A list item moves on unless two of its lines fit; the rest flows. */
  private listItemStart(): number {
    return this.doc.currentLineHeight(true) * 2;
  }

  private checklistItemHeight(item: { text: string }): number {
    return this.doc.heightOfString(cleanText(item.text), { width: this.width - 22 });
  }

  /** A picture's size: its share of the text width, no wider than its pixels, and short enough to share a page with its headings and caption. */
  private imageSize(block: Extract<Block, { type: 'image' }>): { width: number; height: number } {
    // pdfkit has openImage (to learn the size before placing); its type definitions lack it.
    const image = (this.doc as Doc & { openImage(src: Buffer): { width: number; height: number } }).openImage(imageBytes(block.data));
    const width = Math.min(this.width * block.width, image.width);
    return { width, height: Math.min((image.height * width) / image.width, this.bodyHeight - HEADING_ROOM - CAPTION_ROOM) };
  }

  /** A chart's share of the text width, at its aspect, short enough to share a page with its headings and caption. */
  private chartSize(block: Extract<Block, { type: 'chart' }>): { width: number; height: number } {
    const width = this.width * block.width;
    return { width, height: Math.min(width * block.aspect, this.bodyHeight - HEADING_ROOM - CAPTION_ROOM) };
  }

  /**
   * The chart's SVG drawn at its size in points (a unit of the SVG is a point), so its text has
   * the sizes the chart gives it; the text in the document's faces, embedded like the rest.
   */
  private chart(block: Extract<Block, { type: 'chart' }>): void {
    const { doc, model } = this;
    const size = this.chartSize(block);
    this.need(size.height + CAPTION_ROOM);
    const y = doc.y;
    SVGtoPDF(doc, chartSvg(block.chart, size), MARGIN.left + (this.width - size.width) / 2, y, {
      ...size,
      assumePt: true,
      fontCallback: (_family, bold, italic) => face({ bold, italic }),
      // Something of the SVG it cannot draw: a chart with parts missing, which no one would notice
      // (by default the warning goes to stderr, which the command line keeps empty on success).
      warningCallback: (warning) => {
        throw new Error(`The chart "${block.chart.title}" cannot be drawn: ${warning}`);
      },
    });
    doc.y = y + size.height + 4;
    doc.font('italic').fontSize(model.theme.fontSize - 1).fillColor('black').text(cleanText(block.caption), MARGIN.left, doc.y, { width: this.width, align: 'center' });
    doc.moveDown(0.8);
  }

  /** Styled runs as one paragraph; links are blue and underlined. */
  private runs(runs: readonly Run[], x: number, width: number): void {
    const { doc } = this;
    const parts = runs.filter((r) => r.text !== '');
    if (parts.length === 0) {
      doc.moveDown(0.5);
      return;
    }
    parts.forEach((run, i) => {
      doc.font(face(run)).fillColor(run.color ?? (run.link ? '#0b5cad' : 'black'));
      const options = { width, continued: i < parts.length - 1, link: run.link ?? null, underline: Boolean(run.link) };
      if (i === 0) doc.text(cleanText(run.text), x, doc.y, options);
      else doc.text(cleanText(run.text), options);
    });
    doc.fillColor('black').font('regular');
  }

  private keyValue(rows: readonly { label: string; value: Run[] }[]): void {
    const { doc } = this;
    const labelWidth = this.keyValueLabelWidth();
    for (const row of rows) {
      const { label, value, height } = this.keyValueRow(row);
      this.need(height + KEY_VALUE_GAP);
      const y = doc.y;
      doc.font('bold').text(label, MARGIN.left, y, { width: labelWidth - 8 });
      doc.font('regular').text(value || '–', MARGIN.left + labelWidth, y, { width: this.width - labelWidth });
      doc.y = y + height + KEY_VALUE_GAP;
    }
  }

  private keyValueLabelWidth(): number {
    return this.width * 0.32;
  }

  /** A label and its value as text, and the height of the taller. */
  private keyValueRow(row: { label: string; value: readonly Run[] }): { label: string; value: string; height: number } {
    const { doc } = this;
    const labelWidth = this.keyValueLabelWidth();
    const label = cleanText(row.label);
    const value = cleanText(row.value.map((r) => r.text).join(''));
    const height = Math.max(
      doc.font('bold').heightOfString(label, { width: labelWidth - 8 }),
      doc.font('regular').heightOfString(value || ' ', { width: this.width - labelWidth }),
    );
    return { label, value, height };
  }

  /** Measures at the table's text size (a point below the body's), which it leaves set. */
  private tableMetrics(columns: readonly { title: string; width: number }[]): TableMetrics {
    const { doc, model } = this;
    doc.fontSize(model.theme.fontSize - 1);
    const widths = columns.map((c) => c.width * this.width);
    const titles = columns.map((c) => cleanText(c.title));
    const rowHeight = (texts: readonly string[], font: string) =>
      Math.max(...texts.map((text, i) => doc.font(font).heightOfString(text || ' ', { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    const headerHeight = rowHeight(titles, 'bold');
    return { widths, titles, headerHeight, rowHeight, tooTall: (height) => height > this.bodyHeight - HEADING_ROOM - headerHeight };
  }

  /** The header row and the first row, which never split; a first row set as text needs only a few lines. */
  private tableStart(metrics: TableMetrics, rows: readonly Run[][][]): number {
    const first = rows[0] ? metrics.rowHeight(rows[0].map(cellText), 'regular') : 0;
    return metrics.headerHeight + (metrics.tooTall(first) ? Math.min(first, this.lines(KEEP_LINES)) : first);
  }

  /** Columns share the text width; the header repeats on each page; a row stays on one page. */
  table(columns: readonly { title: string; width: number }[], rows: readonly Run[][][]): void {
    const { doc, model } = this;
    const metrics = this.tableMetrics(columns);
    const { widths, titles, headerHeight, rowHeight } = metrics;
    const drawRow = (texts: string[], fonts: string[], height: number, header: boolean) => {
      const y = doc.y;
      let x = MARGIN.left;
      if (header) doc.rect(MARGIN.left, y, this.width, height).fill(model.theme.accent);
      texts.forEach((text, i) => {
        doc
          .font(fonts[i]!)
          .fillColor(header ? 'white' : 'black')
          .text(text, x + CELL_PAD, y + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD });
        x += widths[i]!;
      });
      doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + this.width, y + height).lineWidth(0.5).stroke('#c8ced6');
      doc.y = y + height;
      doc.fillColor('black');
    };
    const header = () => drawRow(titles, titles.map(() => 'bold'), headerHeight, true);
    this.need(this.tableStart(metrics, rows));
    header();
    for (const row of rows) {
      const texts = row.map(cellText);
      const fonts = row.map((cell) => face(cell[0] ?? {}));
      const height = rowHeight(texts, 'regular');
      if (metrics.tooTall(height)) {
        // Too tall for a page with the header and headings: set as "column: text" paragraphs that may flow over pages.
        texts.forEach((text, i) => {
          doc.font('bold').text(`${titles[i]}: `, MARGIN.left + CELL_PAD, doc.y, { continued: true, width: this.width - 2 * CELL_PAD });
          doc.font('regular').text(text || '–', { width: this.width - 2 * CELL_PAD });
        });
        doc.moveDown(0.3);
        continue;
      }
      if (doc.y + height > this.bottom) {
        doc.addPage();
        header();
      }
      drawRow(texts, fonts, height, false);
    }
    doc.fontSize(model.theme.fontSize);
  }

  /**
   * Layers of boxes with arrows down between them, drawn as vectors. A label wraps, and shrinks
   * where one word is wider than its box; a box grows with its text, so nothing is ever cut off.
   */
  private diagram(block: Extract<Block, { type: 'diagram' }>): void {
    const { doc, model } = this;
    const { layers, height } = this.diagramLayout(block);
    const { labelWidth, gap } = DIAGRAM;
    const area = this.width - labelWidth;
    this.need(height);
    let y = doc.y + 4;
    layers.forEach((layer, li) => {
      const count = Math.max(1, layer.boxes.length);
      const start = MARGIN.left + labelWidth + (area - (count * layer.boxWidth + (count - 1) * 10)) / 2;
      doc.font('regular').fontSize(8).fillColor('#5b6877').text(layer.label, MARGIN.left, y + layer.height / 2 - 5, { width: labelWidth - 6 });
      layer.boxes.forEach((box, bi) => {
        const x = start + bi * (layer.boxWidth + 10);
        doc.roundedRect(x, y, layer.boxWidth, layer.height, 5).lineWidth(1).fillAndStroke('#eef4fb', model.theme.accent);
        doc.font('bold').fontSize(box.title.size).fillColor('black').text(box.title.text, x + 4, y + 6, { width: layer.boxWidth - 8, align: 'center' });
        doc.font('regular').fontSize(box.detail.size).fillColor('#333333').text(box.detail.text, x + 4, y + 8 + box.title.height, { width: layer.boxWidth - 8, align: 'center' });
      });
      if (li < layers.length - 1) {
        const cx = MARGIN.left + labelWidth + area / 2;
        const bottom = y + layer.height;
        doc.moveTo(cx, bottom + 2).lineTo(cx, bottom + gap - 6).lineWidth(1.2).stroke('#5b6877');
        doc.moveTo(cx - 4, bottom + gap - 8).lineTo(cx + 4, bottom + gap - 8).lineTo(cx, bottom + gap - 2).fill('#5b6877');
      }
      y += layer.height + gap;
    });
    doc.fillColor('black').font('italic').fontSize(model.theme.fontSize - 1).text(cleanText(block.caption), MARGIN.left, y - gap + 8, { width: this.width, align: 'center' });
    doc.fontSize(model.theme.fontSize).moveDown(0.8);
  }

  /** The diagram's layers with their labels fitted into their boxes, and its height with the caption. */
  private diagramLayout(block: Extract<Block, { type: 'diagram' }>): { layers: DiagramLayer[]; height: number } {
    const area = this.width - DIAGRAM.labelWidth;
    const layers = block.layers.map((layer) => {
      const count = Math.max(1, layer.boxes.length);
      const boxWidth = Math.min(150, (area - (count - 1) * 10) / count);
      const boxes = layer.boxes.map((box) => {
        const title = this.fitted(cleanText(box.title), 'bold', 8.5, boxWidth - 8);
        const detail = this.fitted(cleanText(box.detail), 'regular', 7.5, boxWidth - 8);
        return { title, detail, height: 6 + title.height + 2 + detail.height + 6 };
      });
      return { label: cleanText(layer.label), boxWidth, boxes, height: Math.max(DIAGRAM.minBoxHeight, ...boxes.map((b) => b.height)) };
    });
    return { layers, height: layers.reduce((sum, l) => sum + l.height + DIAGRAM.gap, 0) + CAPTION_ROOM };
  }

  /** A diagram label at the largest size (from `size` down to 5 pt) at which its widest word fits, and its wrapped height. */
  private fitted(text: string, font: 'regular' | 'bold', size: number, width: number): FittedText {
    const { doc } = this;
    doc.font(font).fontSize(size);
    const widest = Math.max(0, ...text.split(/\s+/).map((word) => doc.widthOfString(word)));
    // pdfkit breaks a word that fills the line to the last point; a point to spare keeps it whole.
    const room = width - 1;
    const fit = widest <= room ? size : Math.max(5, Math.floor(((size * room) / widest) * 10) / 10);
    doc.fontSize(fit);
    return { text, size: fit, height: text ? doc.heightOfString(text, { width, align: 'center' }) : 0 };
  }

  private signatures(parties: readonly { organisation: string; name: string; role: string }[]): void {
    const { doc, model } = this;
    const column = (this.width - 24) / 2;
    for (let i = 0; i < parties.length; i += 2) {
      this.need(SIGNATURES_ROOM);
      const y = doc.y + 10;
      parties.slice(i, i + 2).forEach((party, j) => {
        const x = MARGIN.left + j * (column + 24);
        doc.font('bold').text(cleanText(party.organisation), x, y, { width: column });
        doc.moveTo(x, y + 55).lineTo(x + column, y + 55).lineWidth(0.6).stroke('#444444');
        doc.font('regular').fontSize(model.theme.fontSize - 1).text(cleanText([party.name, party.role].filter(Boolean).join(', ')), x, y + 58, { width: column });
        doc.fontSize(model.theme.fontSize);
      });
      doc.y = y + 90;
    }
  }

  private toc(title: string): void {
    const { doc, model } = this;
    doc.font('bold').fontSize(HEADING_SIZES[1]).fillColor(model.theme.accent).text(cleanText(title), MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(0.5);
    doc.fillColor('black').fontSize(model.theme.fontSize);
    model.blocks.forEach((block, index) => {
      if (block.type !== 'heading' || block.level > 2) return;
      const number = this.numbers.get(index);
      const text = cleanText(`${number ? `${number}  ` : ''}${block.text}`);
      const indent = block.level === 1 ? 0 : 18;
      const pageText = String(this.tocPages.get(index) ?? '');
      this.need(doc.currentLineHeight(true) * 1.2);
      const y = doc.y;
      doc.font(block.level === 1 ? 'bold' : 'regular');
      doc.text(text, MARGIN.left + indent, y, { width: this.width - indent - 40, goTo: `h${index}` });
      const after = doc.y;
      doc.text(pageText, MARGIN.left + this.width - 40, y, { width: 40, align: 'right', lineBreak: false });
      doc.y = after + 2;
    });
    doc.addPage();
  }

  /** Header and footer on every page but the cover; written last, when the page count is known. */
  zones(): void {
    const { doc, model } = this;
    const range = doc.bufferedPageRange();
    const pages = range.count;
    const fieldText = (f: ZoneField, page: number) =>
      'text' in f
        ? f.text
        : f.field === 'page'
          ? String(page)
          : f.field === 'pages'
            ? String(pages)
            : f.field === 'date'
              ? model.meta.date
              : model.meta.title;
    const draw = (zone: Zone, y: number, page: number) => {
      const slots = [
        ['left', zone.left],
        ['center', zone.center],
        ['right', zone.right],
      ] as const;
      for (const [align, fields] of slots) {
        const text = cleanText(fields.map((f) => fieldText(f, page)).join(''));
        if (text) doc.text(text, MARGIN.left, y, { width: this.width, align, lineBreak: false, height: 12, ellipsis: true });
      }
    };
    for (let i = 1; i < range.count; i++) {
      doc.switchToPage(i);
      // Writing into the margins would otherwise start new pages.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8).fillColor('#5b6877');
      draw(model.header, 34, i + 1);
      draw(model.footer, doc.page.height - 40, i + 1);
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

function layout(model: DocumentModel, fonts: FontFiles, tocPages: Map<number, number>): Promise<PdfResult> {
  const l = new Layout(model, fonts, tocPages);
  const chunks: Buffer[] = [];
  l.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => l.doc.on('end', resolve));
  l.cover();
  l.doc.addPage();
  model.blocks.forEach((block, index) => l.block(block, index));
  const pages = l.doc.bufferedPageRange().count;
  l.zones();
  l.doc.end();
  return done.then(() => ({ bytes: Buffer.concat(chunks), headingPages: l.headingPages, pages }));
}

export async function renderPdf(model: DocumentModel, fonts: FontFiles): Promise<PdfResult> {
  const first = await layout(model, fonts, new Map());
  if (!model.blocks.some((b) => b.type === 'toc')) return first;
  // The table of contents has as many lines either way, so its pages stay where they were.
  return layout(model, fonts, first.headingPages);
}
