// A chart (chart.ts) drawn as an SVG document by Apache ECharts' server-side rendering, which needs
// no browser: the same code runs in the Node core (documents) and in the window, and gives the same
// text for the same chart and size. Sizes are in SVG user units; the documents draw a unit as a
// point, so the text sizes below are point sizes on paper.
//
// The result is safe to show and to embed: every text of the chart is text content of an SVG
// element, which ECharts writes escaped, and no attribute holds anything but numbers, colours,
// the font and ids made here. There is no script, no link, no external reference, no style sheet.
import { BarChart as EBarChart, LineChart as ELineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, type GridComponentOption, type LegendComponentOption, type TitleComponentOption } from 'echarts/components';
import { init, setPlatformAPI, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cleanText } from '../documents/model.ts';
import { isIsoDate, showDate } from '../iso-date.ts';
import { formatNumber } from '../quantity.ts';
import type { BarChart, Chart, ChartAxis } from './chart.ts';
import { measureText } from './text-width.ts';

use([ELineChart, EBarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
setPlatformAPI({ measureText });

type Option = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

/** Noto Sans is what the documents embed and the PNG is drawn with; a screen without it uses its own sans-serif. */
const FONT_FAMILY = 'Noto Sans, sans-serif';
const TEXT_SIZE = 9;
const TITLE_SIZE = 12;
/** The app's accent first, then colours told apart also by readers with a colour vision deficiency (Okabe and Ito). */
const PALETTE = ['#0b5cad', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#5b6877'];
const DAY_MS = 86_400_000;

export interface ChartSize {
  width: number;
  height: number;
}

const axisName = (axis: ChartAxis) => cleanText(axis.unit ? `${axis.title} (${axis.unit})` : axis.title);

/** An axis's name along its middle, moved clear of its labels. */
const named = (axis: ChartAxis) => ({ name: axisName(axis), nameLocation: 'middle' as const, nameGap: 20, nameMoveOverlap: true });
/** Shortened text ends in an ellipsis, one character. */
const ELLIPSIS = '…';
/** Labels in the text size, none drawn over another. */
const LABELS = { fontSize: TEXT_SIZE, hideOverlap: true, ellipsis: ELLIPSIS };

/** What a line chart counts or a bar measures: the language's numbers. */
const valueAxis = (chart: Chart) => ({ type: 'value' as const, ...named(chart.value), axisLabel: { ...LABELS, formatter: (value: number) => formatNumber(value, chart.language) } });

/** The other axis of a line chart: days (the language's dates) or numbers. */
function alongAxis(chart: Extract<Chart, { kind: 'line' }>, size: ChartSize) {
  if (chart.over === 'numbers') return { type: 'value' as const, scale: true, ...named(chart.along), axisLabel: { ...LABELS, formatter: (value: number) => formatNumber(value, chart.language) } };
  return {
    type: 'time' as const,
    // Ticks at whole days; about one a date label's width apart, which also puts them at the
    // starts of months and years where the range is long.
    minInterval: DAY_MS,
    splitNumber: Math.max(2, Math.floor(size.width / 110)),
    ...named(chart.along),
    axisLabel: { ...LABELS, formatter: (value: number) => showDate(new Date(value).toISOString().slice(0, 10), chart.language) },
  };
}

/** The labels of a bar chart, each shortened with an ellipsis to the room it has. */
function categoryAxis(chart: BarChart, size: ChartSize) {
  const room = chart.orientation === 'bars' ? size.width * 0.3 : (size.width - 72) / Math.max(1, chart.categories.length) - 4;
  return {
    type: 'category' as const,
    data: chart.categories.map(cleanText),
    // Bars across read from the top, as the labels are listed.
    inverse: chart.orientation === 'bars',
    ...named(chart.along),
    axisLabel: { ...LABELS, interval: 0, width: Math.round(room), overflow: 'truncate' as const },
  };
}

/** Days as the time axis counts them: milliseconds at midnight UTC, so that no time zone moves a point. */
function dayValue(date: string): number {
  if (!isIsoDate(date)) throw new Error(`Not a day (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function series(chart: Chart): (LineSeriesOption | BarSeriesOption)[] {
  if (chart.kind === 'bar') {
    return chart.series.map((s) => ({ type: 'bar', name: cleanText(s.name), data: [...s.values], ...(chart.stacked ? { stack: 'all' } : {}) }));
  }
  return chart.series.map((s) => ({
    type: 'line',
    name: cleanText(s.name),
    data: s.points.map((p) => [typeof p.x === 'string' ? dayValue(p.x) : p.x, p.y]),
    // A point of its own only where a line has none to draw (the legend then shows the line alone).
    symbol: s.points.length === 1 ? 'circle' : 'none',
    lineStyle: { width: 1.5, type: s.dashed ? 'dashed' : 'solid' },
  }));
}

function axes(chart: Chart, size: ChartSize) {
  if (chart.kind === 'line') return { xAxis: alongAxis(chart, size), yAxis: valueAxis(chart) };
  const [labels, values] = [categoryAxis(chart, size), valueAxis(chart)];
  return chart.orientation === 'bars' ? { xAxis: values, yAxis: labels } : { xAxis: labels, yAxis: values };
}

function option(chart: Chart, size: ChartSize): Option {
  return {
    animation: false,
    useUTC: true,
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: TEXT_SIZE, color: '#333333' },
    title: { text: cleanText(chart.title), left: 'center', top: 4, textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', width: size.width - 16, overflow: 'truncate', ellipsis: ELLIPSIS } },
    // The legend under the title, the axes' labels and names below the plot.
    legend: { top: 24, itemWidth: 18, itemHeight: 8, textStyle: { fontSize: TEXT_SIZE, width: Math.round(size.width * 0.3), overflow: 'truncate', ellipsis: ELLIPSIS } },
    grid: { left: 16, right: 24, top: 52, bottom: 36 },
    ...axes(chart, size),
    series: series(chart),
  };
}

/**
 * The time axis's labels come with the CSS `font` shorthand, which resvg (the DOCX's PNG) does
 * not read: it would draw them at its default size. Written out as the separate properties
 * ECharts gives every other text.
 */
function longhandFont(_: string, style: string, weight: string, size: string, family: string): string {
  return ` style="font-size:${size};font-family:${family};${style === 'normal' ? '' : `font-style:${style};`}${weight === 'normal' ? '' : `font-weight:${weight};`}"`;
}

/** What renders the SVG text, beyond ECharts' public renderToSVGString (see chartSvg). */
interface SvgPainter {
  renderToString(options: { cssAnimation: boolean; cssEmphasis: boolean; useViewBox: boolean }): string;
}

/** The chart drawn as an SVG document of the given size; the same chart and size give the same text. */
export function chartSvg(chart: Chart, size: ChartSize): string {
  const instance = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(option(chart, size));
    // renderToSVGString adds hover styles named by a counter of the whole process, so a chart
    // drawn twice would differ; the painter leaves them out on request (no style sheet either).
    const painter = instance.getZr().painter as unknown as SvgPainter;
    const svg = painter.renderToString({ cssAnimation: false, cssEmphasis: false, useViewBox: true });
    return (
      svg
        // Clip paths are named after the count of charts drawn so far in the process: named
        // after the chart alone instead. Only inside attributes, which text content (with its
        // quotes escaped) can never look like.
        .replace(/(\sid="|="url\(#)zr\d+-/g, '$1chart-')
        // ECharts' notes on which data a shape shows, for interaction this image never has.
        .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
        .replace(/ style="font: (\w+) (\w+) ([\d.]+px) ([^";]+)"/g, longhandFont)
    );
  } finally {
    // Also stops ECharts' animation timer, which would keep a Node process alive.
    instance.dispose();
  }
}
