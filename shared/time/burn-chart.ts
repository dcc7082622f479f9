// The burn chart as a chart of the chart module (../charts/): the planned days (a step up for each
// approved change request), the days spent over time, and the forecast at the current rate as a
// dashed line. The same chart on the screen and in the time report.
import type { DateLineChart } from '../charts/chart.ts';
import { translate, type Language } from '../i18n/index.ts';
import type { Burn } from './budget.ts';

export function burnChart(burn: Burn, title: string, language: Language): DateLineChart {
  const t = (key: 'budget.chart.planned' | 'budget.chart.spent' | 'budget.chart.forecast' | 'budget.chart.days' | 'budget.chart.date') => translate(language, key);
  const points = (line: Burn['planned']) => line.map((p) => ({ x: p.date, y: p.dayHundredths / 100 }));
  return {
    kind: 'line',
    over: 'dates',
    title,
    language,
    value: { title: t('budget.chart.days') },
    along: { title: t('budget.chart.date') },
    series: [
      { name: t('budget.chart.planned'), points: points(burn.planned) },
      { name: t('budget.chart.spent'), points: points(burn.spent) },
      ...(burn.forecast.length > 0 ? [{ name: t('budget.chart.forecast'), points: points(burn.forecast), dashed: true }] : []),
    ],
  };
}
