// The pure parts of time tracking and the budget: quarter-hour rules and the 24-hour day, what a
// change request costs and does to its SOW's budget (approved raises it; proposed, rejected and
// withdrawn do not), planned against spent days per line and role, the 80 % and 100 % levels to
// the exact boundary, the forecast at the current rate, the burn chart, and the time CSV read back.
import { describe, expect, it } from 'vitest';
import { impactTotals } from '../../shared/change-requests/impact.ts';
import type { ChangeRequestStatus } from '../../shared/change-requests/types.ts';
import { parseCsv, writeCsv } from '../../shared/csv.ts';
import { projectBudget, type BudgetChangeInput, type BudgetInput } from '../../shared/time/budget.ts';
import { burnChart } from '../../shared/time/burn-chart.ts';
import { timeCsvRows, type TimeNames } from '../../shared/time/csv-format.ts';
import { dayOverflow, formatHours, isQuarterHours, MAX_DAY_QUARTERS, parseHours, timerQuarters } from '../../shared/time/hours.ts';
import { addDays, isoWeek, timeTotals, weekOf } from '../../shared/time/summary.ts';

describe('hours in quarter hours', () => {
  it('takes whole quarter hours from zero, nothing else', () => {
    for (const ok of [0, 0.25, 0.5, 0.75, 1, 1.5, 7.75, 24]) expect(isQuarterHours(ok), String(ok)).toBe(true);
    for (const bad of [-0.25, -1, 0.1, 0.3, 1.33, 2.2, Number.NaN, Number.POSITIVE_INFINITY]) expect(isQuarterHours(bad), String(bad)).toBe(false);
  });

  it('reads hours as each language types them, and refuses what is no quarter hour', () => {
    expect(parseHours('1,5', 'de')).toBe(6);
    expect(parseHours('1.5', 'de')).toBe(6);
    expect(parseHours('0,25', 'de')).toBe(1);
    expect(parseHours('1.5', 'en')).toBe(6);
    expect(parseHours('8', 'en')).toBe(32);
    expect(parseHours(' ', 'en')).toBe(0);
    // An English reader cannot tell 1,5 from one thousand five hundred without grouping: refused.
    expect(parseHours('1,5', 'en')).toBeNull();
    for (const bad of ['1,3', '-1', 'zwei', '1,125']) expect(parseHours(bad, 'de'), bad).toBeNull();
    expect(formatHours(6, 'de')).toBe('1,5');
    expect(formatHours(6, 'en')).toBe('1.5');
  });

  it('rounds a timer to the nearest quarter hour, at least one', () => {
    const start = '2026-11-30T08:00:00.000Z';
    const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
    expect(timerQuarters(start, at(0))).toBe(1);
    expect(timerQuarters(start, at(7))).toBe(1);
    expect(timerQuarters(start, at(22))).toBe(1);
    expect(timerQuarters(start, at(23))).toBe(2);
    expect(timerQuarters(start, at(24 * 60 + 90))).toBe(102);
  });

  it('allows at most 24 hours a day, counting what the day already holds', () => {
    expect(MAX_DAY_QUARTERS).toBe(96);
    expect(dayOverflow(64, 32)).toBeNull();
    expect(dayOverflow(64, 33)).toEqual({ others: 64, left: 32 });
    expect(dayOverflow(96, 1)).toEqual({ others: 96, left: 0 });
  });
});

describe('weeks and sums', () => {
  it('starts weeks on Monday and numbers them as ISO 8601 does', () => {
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
  });

  it('sums per person, target and week exactly', () => {
    const entry = (date: string, personId: string, quarterHours: number, billable = true) => ({ date, personId, sowId: 's', lineId: 'l', activityId: null, quarterHours, billable });
    const totals = timeTotals([entry('2026-11-30', 'a', 6), entry('2026-12-01', 'b', 3, false), entry('2026-12-07', 'a', 1)]);
    expect(totals).toMatchObject({ quarterHours: 10, billableQuarterHours: 7 });
    expect(totals.byPerson).toEqual([
      { personId: 'a', quarterHours: 7, billableQuarterHours: 7 },
      { personId: 'b', quarterHours: 3, billableQuarterHours: 0 },
    ]);
    expect(totals.byWeek).toEqual([
      { week: '2026-11-30', quarterHours: 9 },
      { week: '2026-12-07', quarterHours: 1 },
    ]);
  });
});

describe('a change request', () => {
  it('costs days × the SOW rate per role, rounded once per line, to the cent over many lines', () => {
    const effort = Array.from({ length: 10_000 }, (_, i) => ({ role: 'Consultant', lineId: 'l1', dayHundredths: 33, rateMinor: 145_033 + (i % 7) }));
    const impact = impactTotals(effort);
    // 0.33 × 1,450.33 = 478.6089 → 478.61; the sum is of the rounded lines, exactly.
    expect(impact.lines[0]!.totalMinor).toBe(47_861);
    expect(impact.totalMinor).toBe(impact.lines.reduce((s, l) => s + l.totalMinor, 0));
    expect(impact.dayHundredths).toBe(330_000);
  });
});

/** One SOW of 10 senior and 5 trainer days from 2026-11-02, at 1,450.00 and 1,150.00 a day. */
function input(changes: BudgetChangeInput[] = [], booked: { lineId: string; date: string; quarterHours: number }[] = [], quartersPerDay = 32): BudgetInput {
  return {
    today: '2026-11-30',
    quartersPerDay,
    sows: [
      {
        id: 'sow1',
        number: 1,
        title: 'Pilot',
        version: 1,
        status: 'signed',
        currency: 'EUR',
        date: '2026-11-02',
        feesMinor: 2_025_000,
        lines: [
          { id: 'senior', role: 'Senior consultant', description: 'Installation', dayHundredths: 1_000 },
          { id: 'trainer', role: 'Trainer', description: 'Training', dayHundredths: 500 },
        ],
      },
    ],
    changes,
    byLine: [...Map.groupBy(booked, (b) => b.lineId)].map(([lineId, rows]) => ({ sowId: 'sow1', lineId, quarterHours: rows.reduce((s, r) => s + r.quarterHours, 0) })),
    byDay: [...Map.groupBy(booked, (b) => b.date)].map(([date, rows]) => ({ sowId: 'sow1', date, quarterHours: rows.reduce((s, r) => s + r.quarterHours, 0) })),
    activityQuarterHours: 0,
  };
}

const change = (number: number, status: ChangeRequestStatus, dayHundredths: number, decidedOn: string | null = '2026-11-20'): BudgetChangeInput => ({
  id: `cr${number}`,
  number,
  sowId: 'sow1',
  status,
  decidedOn,
  effort: [{ role: 'Senior consultant', lineId: 'senior', dayHundredths, rateMinor: 145_000 }],
});

describe('the budget', () => {
  it('plans the SOW lines plus approved change requests only', () => {
    const budget = projectBudget(
      input([change(1, 'approved', 250), change(2, 'rejected', 400, '2026-11-21'), change(3, 'withdrawn', 100, '2026-11-22'), change(4, 'proposed', 300, null)]),
    );
    const [sow] = budget.sows;
    expect(sow!.plannedDayHundredths).toBe(1_750);
    expect(sow!.lines.map((l) => [l.id, l.plannedDayHundredths, l.changeDayHundredths])).toEqual([
      ['senior', 1_250, 250],
      ['trainer', 500, 0],
    ]);
    expect(sow!.changes).toEqual([{ id: 'cr1', number: 1, dayHundredths: 250, totalMinor: 362_500, decidedOn: '2026-11-20' }]);
    expect(sow!.changeFeesMinor).toBe(362_500);
    expect(budget.plannedDayHundredths).toBe(1_750);
    // The plan steps up on the day the change was approved.
    expect(sow!.burn.planned).toEqual([
      { date: '2026-11-02', dayHundredths: 0 },
      { date: '2026-11-02', dayHundredths: 1_500 },
      { date: '2026-11-20', dayHundredths: 1_500 },
      { date: '2026-11-20', dayHundredths: 1_750 },
      { date: '2026-11-30', dayHundredths: 1_750 },
    ]);
  });

  it('counts spent days per line and role in the project’s hours per day', () => {
    const booked = [
      { lineId: 'senior', date: '2026-11-24', quarterHours: 32 },
      { lineId: 'senior', date: '2026-11-25', quarterHours: 30 },
      { lineId: 'trainer', date: '2026-11-25', quarterHours: 6 },
    ];
    const eight = projectBudget(input([], booked));
    expect(eight.hoursPerDay).toBe(8);
    expect(eight.sows[0]!.lines.map((l) => [l.id, l.spentQuarterHours, l.spentDayHundredths, l.remainingDayHundredths])).toEqual([
      ['senior', 62, 194, 806],
      ['trainer', 6, 19, 481],
    ]);
    expect(eight.sows[0]!.roles.map((r) => r.role)).toEqual(['Senior consultant', 'Trainer']);
    // 68 quarter hours are 8.5 days of 8 hours (rounded once, not the sum of rounded lines).
    expect(eight.spentDayHundredths).toBe(213);
    const sevenAndAHalf = projectBudget(input([], booked, 30));
    expect(sevenAndAHalf.hoursPerDay).toBe(7.5);
    expect(sevenAndAHalf.spentDayHundredths).toBe(227);
  });

  it('warns at exactly 80 % and at 100 %, not a quarter hour before', () => {
    // 15 days of 8 hours: 80 % is 12 days, 384 quarter hours.
    const at = (quarterHours: number) => projectBudget(input([], [{ lineId: 'senior', date: '2026-11-27', quarterHours }]));
    expect(at(383).level).toBe(0);
    expect(at(384)).toMatchObject({ level: 80, usedBasisPoints: 8_000 });
    expect(at(384).warnings).toEqual([
      { sowId: null, level: 80, usedBasisPoints: 8_000 },
      { sowId: 'sow1', level: 80, usedBasisPoints: 8_000 },
    ]);
    expect(at(479).level).toBe(80);
    expect(at(480)).toMatchObject({ level: 100, usedBasisPoints: 10_000, remainingDayHundredths: 0 });
    // A line alone can be used up while its SOW is not.
    expect(at(320).sows[0]!.lines[0]).toMatchObject({ level: 100, remainingDayHundredths: 0 });
    // An approved change request moves the line back below its limit.
    expect(projectBudget(input([change(1, 'approved', 500)], [{ lineId: 'senior', date: '2026-11-27', quarterHours: 320 }])).sows[0]!.lines[0]!.level).toBe(0);
  });

  it('forecasts at the rate of the last four weeks, and draws it', () => {
    // One day a week (8 hours) booked on four Mondays: 4 days in 28 days.
    const mondays = ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'].map((date) => ({ lineId: 'senior', date, quarterHours: 32 }));
    const budget = projectBudget(input([], [{ lineId: 'senior', date: '2026-10-01', quarterHours: 32 }, ...mondays]));
    // The window starts 27 days before today; the October booking counts as spent, not in the rate.
    expect(budget.forecast.window).toEqual({ from: '2026-11-03', to: '2026-11-30' });
    expect(budget.forecast.weeklyDayHundredths).toBe(100);
    // 10 days remain at 1 day a week: 70 days from today.
    expect(budget.remainingDayHundredths).toBe(1_000);
    expect(budget.forecast.exhaustedOn).toBe(addDays('2026-11-30', 70));
    expect(budget.burn.forecast).toEqual([
      { date: '2026-11-30', dayHundredths: 500 },
      { date: '2027-02-08', dayHundredths: 1_500 },
    ]);
    const chart = burnChart(budget.burn, 'Budget', 'de');
    expect(chart.series.map((s) => [s.name, s.dashed ?? false])).toEqual([
      ['Geplant', false],
      ['Verbraucht', false],
      ['Prognose', true],
    ]);
    expect(chart.series[1]!.points.at(-1)).toEqual({ x: '2026-11-30', y: 5 });
    // Spent days step up on the days booked and stay flat between.
    expect(budget.burn.spent.slice(0, 5)).toEqual([
      { date: '2026-10-01', dayHundredths: 0 },
      { date: '2026-10-01', dayHundredths: 100 },
      { date: '2026-11-09', dayHundredths: 100 },
      { date: '2026-11-09', dayHundredths: 200 },
      { date: '2026-11-16', dayHundredths: 200 },
    ]);
  });

  it('has no forecast without bookings in the window, and none once the plan is used up', () => {
    expect(projectBudget(input()).forecast).toEqual({ weeklyDayHundredths: 0, window: null, exhaustedOn: null });
    const over = projectBudget(input([], [{ lineId: 'senior', date: '2026-11-30', quarterHours: 600 }]));
    expect(over.forecast.exhaustedOn).toBeNull();
    expect(over.remainingDayHundredths).toBe(-375);
  });

  it('plans nothing of a rejected SOW', () => {
    const rejected = input([change(1, 'approved', 250)]);
    rejected.sows = rejected.sows.map((s) => ({ ...s, status: 'rejected' }));
    const budget = projectBudget(rejected);
    expect(budget.sows[0]).toMatchObject({ plannedDayHundredths: 0, feesMinor: 0, changes: [] });
  });
});

describe('the time CSV', () => {
  const names: TimeNames = {
    people: new Map([['p1', 'Miriam Kaya']]),
    sows: new Map([['sow1', 1]]),
    lines: new Map([['senior', 'Senior-Berater – Installation']]),
    activities: new Map([['a1', 'Workshop; Tag 2']]),
  };
  const entries = [
    { date: '2026-11-30', personId: 'p1', sowId: 'sow1', lineId: 'senior', activityId: null, quarterHours: 6, billable: true, note: '=HYPERLINK("x")' },
    { date: '2026-12-01', personId: 'p1', sowId: null, lineId: null, activityId: 'a1', quarterHours: 33, billable: false, note: 'Zeile 1\nZeile 2, "zitiert"' },
  ];

  it.each([
    ['de', ';', ['Datum', 'Person', 'Leistungsschein', 'Position', 'Aktivität', 'Stunden', 'Abrechenbar', 'Notiz'], '1,5', '8,25', 'Ja', 'Nein'],
    ['en', ',', ['Date', 'Person', 'SOW', 'Line', 'Activity', 'Hours', 'Billable', 'Note'], '1.5', '8.25', 'Yes', 'No'],
  ] as const)('reads back exactly in %s, hours as the language writes them', (language, delimiter, header, first, second, yes, no) => {
    const csv = writeCsv(timeCsvRows(entries, names, language), delimiter);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.cells)).toEqual([
      [...header],
      ['2026-11-30', 'Miriam Kaya', 'SOW-01', 'Senior-Berater – Installation', '', first, yes, '=HYPERLINK("x")'],
      ['2026-12-01', 'Miriam Kaya', '', '', 'Workshop; Tag 2', second, no, 'Zeile 1\nZeile 2, "zitiert"'],
    ]);
    // The formula is written as text, and the hours read back as the quarter hours booked.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(parsed.records.slice(1).map((r) => parseHours(r.cells[5]!, language))).toEqual([6, 33]);
  });
});
