// The document model: a customer-ready document as data. Templates turn project data into it;
// two renderers in the Node core turn it into DOCX and PDF and know nothing about projects.
// Like pandoc's AST: one model, many writers, the same content in each.
import type { Chart } from '../charts/chart.ts';

/** An image as the app stores them: a PNG or JPEG data URL. */
export type ImageUrl = string;

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An external link (https:, mailto:). */
  link?: string;
  /** Hex colour, `#1e7a46` (a traffic light). */
  color?: string;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; numbered: boolean }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | {
      type: 'table';
      /** Widths are shares of the text width and add up to 1. */
      columns: { title: string; width: number }[];
      rows: Run[][][];
      caption?: string;
    }
  | { type: 'keyValue'; rows: { label: string; value: Run[] }[] }
  | { type: 'checklist'; items: { text: string; checked: boolean }[] }
  | { type: 'signatures'; parties: { organisation: string; name: string; role: string }[] }
  | { type: 'image'; data: ImageUrl; caption: string; /** Share of the text width. */ width: number }
  | {
      type: 'diagram';
      /** Layers from top to bottom (users, load balancer, middleware, back ends), arrows between. */
      layers: { label: string; boxes: { title: string; detail: string }[] }[];
      caption: string;
    }
  | {
      /** Vector graphics in the PDF; in the DOCX an SVG picture with a PNG for word processors without SVG. */
      type: 'chart';
      chart: Chart;
      caption: string;
      /** Share of the text width. */
      width: number;
      /** Height as a share of the width: 0.5 is half as high as wide. */
      aspect: number;
    }
  | { type: 'pageBreak' }
  | { type: 'toc'; title: string };

/** What a header or footer slot shows. */
export type ZoneField = { text: string } | { field: 'page' | 'pages' | 'date' | 'title' };
export interface Zone {
  left: ZoneField[];
  center: ZoneField[];
  right: ZoneField[];
}

export interface DocumentModel {
  meta: {
    title: string;
    subject: string;
    author: string;
    company: string;
    language: 'en' | 'de';
    version: string;
    /** ISO date the document carries (and the files' creation date: same input, same bytes). */
    date: string;
    confidentiality: string;
    keywords: string[];
  };
  theme: {
    /** Hex colour of headings and table headers, `#0b5cad`. */
    accent: string;
    /** Body text size in points. */
    fontSize: number;
    pageSize: 'A4' | 'LETTER';
  };
  cover: {
    consultancyLogo: ImageUrl | null;
    customerLogo: ImageUrl | null;
    title: string;
    subtitle: string;
    facts: { label: string; value: string }[];
    revisions: { version: string; date: string; author: string; change: string }[];
    /** Column titles of the revision table, in the document's language. */
    revisionColumns: [string, string, string, string];
  };
  header: Zone;
  footer: Zone;
  blocks: Block[];
}

/**
 * Text safe for both formats: XML 1.0 forbids most control characters (Word then calls the file
 * corrupt), and a PDF font has no glyph for them. Tabs and line breaks stay.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      // A lone half of a surrogate pair is not a character either.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** The heading numbers (1, 1.1, 1.1.1) of the numbered headings, in order. */
export function headingNumbers(blocks: readonly Block[]): Map<number, string> {
  const counters = [0, 0, 0];
  const numbers = new Map<number, string>();
  blocks.forEach((block, index) => {
    if (block.type !== 'heading' || !block.numbered) return;
    counters[block.level - 1]! += 1;
    for (let l = block.level; l < 3; l++) counters[l] = 0;
    numbers.set(index, counters.slice(0, block.level).join('.'));
  });
  return numbers;
}

export const plain = (text: string): Run[] => [{ text }];

/** A long text as paragraphs, split at blank lines; `none` (when given) stands in for an empty one. */
export function paragraphs(text: string, none?: string): Block[] {
  const found = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (found.length > 0 ? found : none ? [none] : []).map((p) => ({ type: 'paragraph', runs: plain(p) }));
}
