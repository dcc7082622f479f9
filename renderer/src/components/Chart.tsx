// A chart on screen: the very SVG a document carries (shared/charts/chart-svg.ts), shown as an
// image. As an image the SVG runs no script and loads nothing, whatever its texts say; its ids
// cannot meet another chart's on the page; and the style attributes of its texts are its own
// document's, not the page's, whose Content-Security-Policy allows no inline style. It scales
// down with the width it is given.
import { useMemo } from 'react';
import type { Chart as ChartData } from '../../../shared/charts/chart.ts';
import { chartSvg } from '../../../shared/charts/chart-svg.ts';

interface ChartProps {
  chart: ChartData;
  /** Size in CSS pixels, the most it takes; less where its container is narrower. */
  width?: number;
  height?: number;
  /** What the chart shows, for those who cannot see it; its title when not given. */
  description?: string;
}

/** A CSS pixel is three quarters of a point. */
const PT_PER_PX = 0.75;

export function Chart({ chart, width = 720, height = 360, description }: ChartProps) {
  // Drawn in points, as in the documents, so that its texts have their sizes on paper (a 9 pt
  // label is 12 px) and a chart of a document's size is that document's SVG.
  const src = useMemo(() => {
    const svg = chartSvg(chart, { width: width * PT_PER_PX, height: height * PT_PER_PX });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [chart, width, height]);
  return <img className="chart" src={src} width={width} height={height} alt={description ?? chart.title} style={{ maxWidth: '100%', height: 'auto' }} />;
}
