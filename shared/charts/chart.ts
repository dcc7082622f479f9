// A chart as data: what it shows, never how it is drawn. One description serves the screen (an
// SVG image) and the documents (vector graphics in the PDF, an image in the DOCX); chart-svg.ts
// draws it. The texts are the caller's, in the chart's language; numbers and dates on the axes
// are written for that language when drawn (1.234,5 and 30.11.2026, or 1,234.5 and 2026-11-30).
import type { Language } from '../i18n/index.ts';

export interface ChartAxis {
  title: string;
  /** Written after the title in brackets: "Aufwand (Tage)". */
  unit?: string;
}

export interface LineSeries<X extends string | number> {
  name: string;
  /** In order along the horizontal axis. */
  points: readonly { x: X; y: number }[];
  /** A dashed line: what is expected rather than measured (a forecast). */
  dashed?: boolean;
}

interface ChartBase {
  title: string;
  language: Language;
  /** The vertical axis of a line chart or columns, the horizontal one of bars: what is counted or measured. */
  value: ChartAxis;
}

/** Lines over calendar days (`YYYY-MM-DD`): a burn chart, response times over weeks. */
export interface DateLineChart extends ChartBase {
  kind: 'line';
  over: 'dates';
  along: ChartAxis;
  series: readonly LineSeries<string>[];
}

/** Lines over a number: response time over concurrent users. */
export interface NumberLineChart extends ChartBase {
  kind: 'line';
  over: 'numbers';
  along: ChartAxis;
  series: readonly LineSeries<number>[];
}

/** A value per label: upright columns, or bars across for long labels; side by side or stacked. */
export interface BarChart extends ChartBase {
  kind: 'bar';
  /** The labels, one per value of each series. */
  categories: readonly string[];
  along: ChartAxis;
  series: readonly { name: string; values: readonly number[] }[];
  orientation: 'columns' | 'bars';
  stacked: boolean;
}

export type Chart = DateLineChart | NumberLineChart | BarChart;
