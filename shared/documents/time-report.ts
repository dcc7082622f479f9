// The time report of a period: the hours in all and billable (and in days of the project's
// hours), per person, per SOW line and activity, per week, the budget with its burn chart, and
// every entry. The sums are the list's (../time/summary.ts), so the report says what the API says.
// Pure: the data in, the document model out.
import { formatDay } from '../checklist/show.ts';
import type { Customer, Project } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { formatDays, formatPercent } from '../money.ts';
import { sowNumber } from '../sows/types.ts';
import type { ProjectBudget } from '../time/budget.ts';
import { burnChart } from '../time/burn-chart.ts';
import type { TimeNames } from '../time/csv-format.ts';
import { formatHours } from '../time/hours.ts';
import { isoWeek, timeTotals } from '../time/summary.ts';
import type { TimeEntry } from '../time/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface TimeReportInput extends DocumentContext {
  project: Project;
  customer: Customer;
  period: { from: string; to: string };
  /** The period's entries, oldest first. */
  entries: readonly TimeEntry[];
  names: TimeNames;
  /** The budget as it stands on the report's date. */
  budget: ProjectBudget;
}

export function timeReport(input: TimeReportInput): DocumentModel {
  const { language, names, budget, period } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const hours = (quarters: number) => formatHours(quarters, language);
  const quartersPerDay = budget.hoursPerDay * 4;
  // Days of the project's hours, rounded once to hundredths.
  const inDays = (quarters: number) => formatDays(Math.floor((2 * quarters * 100 + quartersPerDay) / (2 * quartersPerDay)), language);
  const day = (date: string) => formatDay(language, date);
  const strong = (text: string): Run[] => [{ text, bold: true }];
  const totals = timeTotals(input.entries);
  const target = (e: { sowId: string | null; lineId: string | null; activityId: string | null }) =>
    e.activityId ? (names.activities.get(e.activityId) ?? '–') : e.lineId ? names.lines.get(e.lineId) || t('doc.time.withoutLine') : t('doc.time.withoutLine');
  const sowOf = (sowId: string | null) => (sowId ? sowNumber(names.sows.get(sowId) ?? 0) : t('time.activityGroup'));
  const person = (id: string) => names.people.get(id)?.trim() ?? '–';
  // Week and year as written, not as amounts ("2.026").
  const weekName = (monday: string) => {
    const { year, week } = isoWeek(monday);
    return t('doc.time.week', { week: String(week), year: String(year) });
  };
  const title = t('doc.time.title', { from: day(period.from), to: day(period.to) });

  const blocks: Block[] = [];
  const section = (text: string): void => void blocks.push({ type: 'heading', level: 1, text, numbered: true });
  const none = (): void => void blocks.push({ type: 'paragraph', runs: plain(t('doc.time.none')) });

  section(t('doc.time.summary'));
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.time.period'), value: plain(`${day(period.from)} – ${day(period.to)}`) },
      { label: t('doc.time.total'), value: plain(hours(totals.quarterHours)) },
      { label: t('doc.time.billable'), value: plain(hours(totals.billableQuarterHours)) },
      { label: t('doc.time.inDays', { hours: budget.hoursPerDay }), value: plain(inDays(totals.quarterHours)) },
    ],
  });

  section(t('doc.time.byPerson'));
  if (totals.byPerson.length === 0) none();
  else
    blocks.push({
      type: 'table',
      columns: [
        { title: t('time.column.person'), width: 0.4 },
        { title: t('time.column.hours'), width: 0.2 },
        { title: t('doc.time.billable'), width: 0.2 },
        { title: t('budget.chart.days'), width: 0.2 },
      ],
      rows: [
        ...[...totals.byPerson]
          .sort((a, b) => person(a.personId).localeCompare(person(b.personId), language))
          .map((p) => [plain(person(p.personId)), plain(hours(p.quarterHours)), plain(hours(p.billableQuarterHours)), plain(inDays(p.quarterHours))]),
        [strong(t('doc.cr.totalRow')), strong(hours(totals.quarterHours)), strong(hours(totals.billableQuarterHours)), strong(inDays(totals.quarterHours))],
      ],
    });

  section(t('doc.time.byLine'));
  if (totals.byTarget.length === 0) none();
  else {
    // SOWs by number, their lines as the SOW lists them, activities last.
    const order = (x: { sowId: string | null }) => (x.sowId ? (names.sows.get(x.sowId) ?? 0) : Number.MAX_SAFE_INTEGER);
    const lineOrder = [...names.lines.keys()];
    const rows = [...totals.byTarget].sort((a, b) => order(a) - order(b) || lineOrder.indexOf(a.lineId ?? '') - lineOrder.indexOf(b.lineId ?? '') || target(a).localeCompare(target(b), language));
    blocks.push({
      type: 'table',
      columns: [
        { title: t('time.column.sow'), width: 0.2 },
        { title: `${t('time.column.line')} / ${t('time.column.activity')}`, width: 0.5 },
        { title: t('time.column.hours'), width: 0.15 },
        { title: t('budget.chart.days'), width: 0.15 },
      ],
      rows: [
        ...rows.map((r) => [plain(sowOf(r.sowId)), plain(target(r)), plain(hours(r.quarterHours)), plain(inDays(r.quarterHours))]),
        [strong(t('doc.cr.totalRow')), plain(''), strong(hours(totals.quarterHours)), strong(inDays(totals.quarterHours))],
      ],
    });
  }

  section(t('doc.time.byWeek'));
  if (totals.byWeek.length === 0) none();
  else
    blocks.push({
      type: 'table',
      columns: [
        { title: t('time.week'), width: 0.5 },
        { title: t('time.column.hours'), width: 0.25 },
        { title: t('budget.chart.days'), width: 0.25 },
      ],
      rows: [
        ...totals.byWeek.map((w) => [plain(`${weekName(w.week)} (${t('doc.time.weekFrom', { date: day(w.week) })})`), plain(hours(w.quarterHours)), plain(inDays(w.quarterHours))]),
        [strong(t('doc.cr.totalRow')), strong(hours(totals.quarterHours)), strong(inDays(totals.quarterHours))],
      ],
    });

  section(t('doc.time.budget'));
  blocks.push({ type: 'paragraph', runs: plain(t('doc.time.budgetText', { date: day(input.date) })) });
  blocks.push({
    type: 'chart',
    chart: burnChart(budget.burn, t('budget.chart.projectTitle', { name: input.project.name.trim() }), language),
    caption: t('doc.time.chartCaption'),
    width: 1,
    aspect: 0.5,
  });
  const used = (bp: number | null) => (bp === null ? '–' : formatPercent(bp, language));
  blocks.push({
    type: 'table',
    columns: [
      { title: t('time.column.sow'), width: 0.34 },
      { title: t('budget.planned'), width: 0.17 },
      { title: t('budget.spent'), width: 0.17 },
      { title: t('budget.remaining'), width: 0.17 },
      { title: t('budget.used'), width: 0.15 },
    ],
    rows: [
      ...budget.sows.map((s) => [
        plain(`${sowNumber(s.sow.number)}: ${s.sow.title}`),
        plain(formatDays(s.plannedDayHundredths, language)),
        plain(formatDays(s.spentDayHundredths, language)),
        plain(formatDays(s.remainingDayHundredths, language)),
        plain(used(s.usedBasisPoints)),
      ]),
      [
        strong(t('budget.project')),
        strong(formatDays(budget.plannedDayHundredths, language)),
        strong(formatDays(budget.spentDayHundredths, language)),
        strong(formatDays(budget.remainingDayHundredths, language)),
        strong(used(budget.usedBasisPoints)),
      ],
    ],
  });

  section(t('doc.time.entries'));
  if (input.entries.length === 0) none();
  else
    blocks.push({
      type: 'table',
      columns: [
        { title: t('time.column.date'), width: 0.14 },
        { title: t('time.column.person'), width: 0.18 },
        { title: `${t('time.column.line')} / ${t('time.column.activity')}`, width: 0.3 },
        { title: t('time.column.hours'), width: 0.1 },
        { title: t('time.column.billable'), width: 0.1 },
        { title: t('time.column.note'), width: 0.18 },
      ],
      rows: input.entries.map((e) => [
        plain(day(e.date)),
        plain(person(e.personId)),
        plain(e.sowId ? `${sowOf(e.sowId)} · ${target(e)}` : target(e)),
        plain(hours(e.quarterHours)),
        plain(t(e.billable ? 'time.yes' : 'time.no')),
        plain(e.note),
      ]),
    });

  return {
    ...coverOf(input, {
      title,
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.time.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.time.period'), value: `${day(period.from)} – ${day(period.to)}` },
        { label: t('doc.time.total'), value: hours(totals.quarterHours) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
