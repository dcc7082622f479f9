// The chart module: a chart described as data, drawn to SVG by ECharts without a browser. Numbers
// and dates on the axes in the chart's language; the same chart gives the same SVG (whatever was
// drawn before it and whatever the time zone), which the documents' identical bytes rely on; text
// from users is only ever text in the SVG, never markup; and the screen shows that same SVG.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { Chart as ChartView } from '../../renderer/src/components/Chart.tsx';
import type { BarChart, Chart, DateLineChart, NumberLineChart } from '../../shared/charts/chart.ts';
import { chartSvg } from '../../shared/charts/chart-svg.ts';
import { ADVANCES, measureText } from '../../shared/charts/text-width.ts';
import type { Language } from '../../shared/i18n/index.ts';

const SIZE = { width: 468, height: 260 };

function burn(language: Language, title = 'Budget SOW-01'): DateLineChart {
  const de = language === 'de';
  return {
    kind: 'line',
    over: 'dates',
    language,
    title,
    value: { title: de ? 'Aufwand' : 'Effort', unit: de ? 'Tage' : 'days' },
    along: { title: de ? 'Datum' : 'Date' },
    series: [
      { name: de ? 'Geplant' : 'Planned', points: [{ x: '2026-11-02', y: 0 }, { x: '2027-01-29', y: 1480 }] },
      { name: de ? 'Verbraucht' : 'Spent', points: [{ x: '2026-11-02', y: 0 }, { x: '2026-11-16', y: 310.5 }, { x: '2026-11-30', y: 702.25 }] },
      { name: de ? 'Prognose' : 'Forecast', dashed: true, points: [{ x: '2026-11-30', y: 702.25 }, { x: '2027-01-29', y: 1620 }] },
    ],
  };
}

const responseTimes = (language: Language): NumberLineChart => ({
  kind: 'line',
  over: 'numbers',
  language,
  title: 'Antwortzeit',
  value: { title: 'Antwortzeit', unit: 'ms' },
  along: { title: 'Last', unit: 'Sitzungen' },
  series: [{ name: 'Median', points: [0, 0.5, 1, 1.5, 2, 2.5].map((x) => ({ x, y: 120 + x * 40 })) }],
});

const openItems = (orientation: BarChart['orientation']): BarChart => ({
  kind: 'bar',
  language: 'en',
  title: 'Open items by owner',
  value: { title: 'Items' },
  along: { title: 'Owner' },
  categories: ['Customer', 'Consultancy', 'Partner with a name far too long for the room one label has', 'Other'],
  series: [
    { name: 'Open', values: [12, 30, 4, 1] },
    { name: 'Overdue', values: [3, 1, 0, 2] },
  ],
  orientation,
  stacked: true,
});

interface Svg {
  elements: Set<string>;
  attributes: Set<string>;
  /** Every text node, as a reader gets it (entities decoded). */
  texts: string[];
}

/** The SVG read by a strict XML parser: it must be well-formed XML. */
function readSvg(svg: string): Svg {
  const read: Svg = { elements: new Set(), attributes: new Set(), texts: [] };
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    read.elements.add(tag.name);
    for (const name of Object.keys(tag.attributes)) read.attributes.add(name);
  };
  parser.ontext = (text) => {
    if (text.trim()) read.texts.push(text);
  };
  parser.write(svg).close();
  return read;
}

describe('a chart drawn as SVG', () => {
  it('writes dates and numbers on the axes as German writes them: 01.12.2026, 1.200, 0,5', () => {
    const { texts } = readSvg(chartSvg(burn('de'), SIZE));
    expect(texts).toEqual(expect.arrayContaining(['Budget SOW-01', 'Aufwand (Tage)', 'Datum', 'Geplant', 'Verbraucht', 'Prognose', '01.12.2026', '01.01.2027', '1.200']));
    expect(texts.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}|\d,\d{3}\b/);
    expect(readSvg(chartSvg(responseTimes('de'), SIZE)).texts).toEqual(expect.arrayContaining(['0,5', '1,5', '2,5', 'Last (Sitzungen)', 'Antwortzeit (ms)']));
  });

  it('writes them as English does: 2026-12-01, 1,200, 0.5', () => {
    const { texts } = readSvg(chartSvg(burn('en'), SIZE));
    expect(texts).toEqual(expect.arrayContaining(['Effort (days)', 'Planned', 'Spent', 'Forecast', '2026-12-01', '2027-01-01', '1,200']));
    expect(texts.join(' ')).not.toMatch(/\d{2}\.\d{2}\.\d{4}|\d\.\d{3}\b/);
    expect(readSvg(chartSvg(responseTimes('en'), SIZE)).texts).toEqual(expect.arrayContaining(['0.5', '1.5', '2.5']));
  });

  it('draws the forecast dashed and the others solid, as lines without dots', () => {
    const svg = chartSvg(burn('de'), SIZE);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2); // the line and its legend sample
    expect(svg).not.toMatch(/<path d="M1 0A1 1 0 1 1/); // no circle symbols on the points
  });

  it('draws bars per label, stacked, each label shortened to its room', () => {
    for (const orientation of ['columns', 'bars'] as const) {
      const { texts } = readSvg(chartSvg(openItems(orientation), SIZE));
      expect(texts, orientation).toEqual(expect.arrayContaining(['Open items by owner', 'Customer', 'Consultancy', 'Other', 'Open', 'Overdue', 'Items', 'Owner']));
      const long = texts.find((t) => t.startsWith('Partner'));
      expect(long, orientation).toMatch(/…$/);
      // Stacked: the highest column is the sum of a label's values (30 + 1), so the axis ends at 35.
      expect(texts, orientation).toContain('35');
    }
  });

  it('gives the same SVG for the same chart and size, whatever was drawn before and whatever the time zone', () => {
    const first = chartSvg(burn('de'), SIZE);
    chartSvg(openItems('bars'), SIZE);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(chartSvg(burn('de'), SIZE)).toBe(first);
      process.env.TZ = 'America/Los_Angeles';
      expect(chartSvg(burn('de'), SIZE)).toBe(first);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // Ids named after the chart alone, no hover styles and no animation.
    expect([...first.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id)).toEqual(expect.arrayContaining(['chart-c0']));
    expect(first).not.toMatch(/zr\d+-|class=|<style|@keyframes|animation/);
  });

  it('writes every text size as its own property, which resvg and svg-to-pdfkit read, never the font shorthand', () => {
    for (const chart of [burn('de'), responseTimes('en'), openItems('columns')]) {
      const svg = chartSvg(chart, SIZE);
      expect(svg).not.toContain('font:');
      expect(svg).toMatch(/style="font-size:9px;font-family:Noto Sans, sans-serif;"/);
      expect(svg).toMatch(/style="font-size:12px;font-family:Noto Sans, sans-serif;font-weight:bold;"/);
    }
  });

  it('keeps what users typed as text: no element, attribute, reference or control character comes of it', () => {
    const hostile = `<script>alert(1)</script> "q" & 'a' ]]> <img src=x onerror=alert(1)> {b|rich} url(#zr1-c0) id="zr2-x"\u0000\u0007`;
    const shown = hostile.replace(/[\u0000\u0007]/g, '');
    const chart: BarChart = { ...openItems('columns'), title: hostile, value: { title: hostile, unit: hostile }, along: { title: hostile }, categories: [hostile], series: [{ name: hostile, values: [1] }] };
    const svg = chartSvg(chart, { width: 1600, height: 400 });
    const read = readSvg(svg);
    expect([...read.elements].filter((name) => !['svg', 'g', 'defs', 'clipPath', 'rect', 'path', 'text'].includes(name))).toEqual([]);
    expect([...read.attributes].filter((name) => /^on|href|src/i.test(name))).toEqual([]);
    expect(read.texts).toContain(shown);
    expect(read.texts).toContain(`${shown} (${shown})`);
    expect(svg).not.toMatch(/[\u0000-\u0008]/);
  });

  it('measures labels in the font of the documents, so that one that fits there is shown whole', () => {
    // Four columns leave a label about 95 units; in Noto Sans this one takes about 80 (a guess of
    // a letter as wide as the text is high, where none of the font is known, would take 120).
    const chart: BarChart = { ...openItems('columns'), categories: ['Прогноз Москва', 'B', 'C', 'D'] };
    expect(readSvg(chartSvg(chart, SIZE)).texts).toContain('Прогноз Москва');
  });

  it('refuses a day that does not exist', () => {
    const chart = burn('de');
    expect(() => chartSvg({ ...chart, series: [{ name: 'x', points: [{ x: '2026-02-30', y: 1 }] }] }, SIZE)).toThrow(/2026-02-30/);
  });
});

describe('the chart text widths', () => {
  it('are those of the bundled Noto Sans faces', () => {
    const doc = new PDFDocument();
    for (const face of ['regular', 'bold'] as const) {
      doc.registerFont(face, readFileSync(`resources/fonts/NotoSans-${face === 'bold' ? 'Bold' : 'Regular'}.ttf`));
      doc.font(face).fontSize(1000);
      const widths = Array.from({ length: 95 }, (_, i) => Math.round(doc.widthOfString(String.fromCharCode(32 + i))));
      expect(ADVANCES[face], face).toEqual(widths);
      // Accented letters as wide as their base letter: within 2 % of the real width. Other
      // scripts by an average, never narrower than they are, so that no label outgrows its room.
      doc.fontSize(12);
      const ratio = (text: string) => measureText(text, face === 'bold' ? "bold 12px 'Noto Sans'" : "12px 'Noto Sans'").width / doc.widthOfString(text);
      for (const text of ['Übergrößenänderung', '1.234,5 Tage', 'Café für Lösungen']) expect(Math.abs(ratio(text) - 1), `${face}: ${text}`).toBeLessThan(0.02);
      for (const text of ['Привет, мир', 'Καλημέρα κόσμε']) expect(ratio(text), `${face}: ${text}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('a chart on screen', () => {
  it('shows the SVG the documents carry as an image, drawn in points, with its title or description as the alternative text', () => {
    const chart: Chart = burn('de', 'Budget "SOW-01" <neu>');
    const html = renderToStaticMarkup(createElement(ChartView, { chart, width: 640, height: 320 }));
    const src = /src="data:image\/svg\+xml;charset=utf-8,([^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(decodeURIComponent(src!)).toBe(chartSvg(chart, { width: 480, height: 240 }));
    expect(html).toContain('alt="Budget &quot;SOW-01&quot; &lt;neu&gt;"');
    expect(html).toContain('width="640"');
    expect(renderToStaticMarkup(createElement(ChartView, { chart, description: 'Verbrauch über Plan' }))).toContain('alt="Verbrauch über Plan"');
  });
});
