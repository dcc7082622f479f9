// The budget of each SOW and of the project, from rows the core reads: planned days (the SOW's
// effort lines plus its approved change requests) against the days spent (time booked, hours
// turned into days by the project's hours per day: 8 unless the project says otherwise), per
// effort line and per role; what remains; a forecast at the current burn rate; the level reached
// (a warning at 80 % and at 100 %); and the series of the burn chart. Pure: rows in, figures out.
//
// Exact where it decides something: planned days are hundredths of a day, spent time quarter
// hours, and the two are compared as integers of their common unit (a hundredth of a quarter
// hour), so 80 % is 80 % and not 79.99999 %. Spent days are rounded once, for showing.
import { impactTotals } from '../change-requests/impact.ts';
import type { ChangeRequestStatus, EffortImpact } from '../change-requests/types.ts';
import type { Currency } from '../money.ts';
import { sum } from '../money.ts';
import type { SowStatus } from '../sows/types.ts';
import { addDays, daysBetween } from './summary.ts';

/** The burn rate is what was spent over the last four weeks (or since the first booking, if later). */
export const FORECAST_WINDOW_DAYS = 28;
/** A forecast line ends at most this far ahead: beyond, the chart would show nothing else. */
const FORECAST_HORIZON_DAYS = 730;

export interface BudgetSowInput {
  /** The series id: the same for every version. */
  id: string;
  number: number;
  title: string;
  /** The version in effect (signed, else sent, else the draft) and its status. */
  version: number;
  status: SowStatus;
  currency: Currency;
  /** The SOW's date: where its planned line starts. */
  date: string | null;
  /** The version's fees (its total). */
  feesMinor: number;
  /** Its effort lines by origin id; lines only earlier versions had come with 0 days. */
  lines: readonly { id: string; role: string; description: string; dayHundredths: number }[];
}

export interface BudgetChangeInput {
  id: string;
  number: number;
  sowId: string;
  status: ChangeRequestStatus;
  decidedOn: string | null;
  effort: readonly EffortImpact[];
}

export interface BudgetInput {
  today: string;
  /** Hours per working day × 4: how many quarter hours make a day. */
  quartersPerDay: number;
  sows: readonly BudgetSowInput[];
  changes: readonly BudgetChangeInput[];
  /** Time booked per SOW and line, all dates. */
  byLine: readonly { sowId: string; lineId: string | null; quarterHours: number }[];
  /** Time booked per SOW and day. */
  byDay: readonly { sowId: string; date: string; quarterHours: number }[];
  /** Time on the project's activities, against no SOW. */
  activityQuarterHours: number;
}

/** The threshold reached: 0 below 80 %, then 80, then 100 (the planned days are used up). */
export type BudgetLevel = 0 | 80 | 100;

export interface BudgetFigures {
  plannedDayHundredths: number;
  spentQuarterHours: number;
  /** Spent days, rounded once to hundredths. */
  spentDayHundredths: number;
  /** Planned less spent: below zero once over. */
  remainingDayHundredths: number;
  /** Spent as a share of planned (basis points, 10000 = 100 %), rounded down; null with nothing planned. */
  usedBasisPoints: number | null;
  level: BudgetLevel;
}

export interface Forecast {
  /** Days spent per week at the current rate (hundredths). */
  weeklyDayHundredths: number;
  /** The days the rate is taken from; null before the first booking. */
  window: { from: string; to: string } | null;
  /** The day the planned days run out at that rate; null without a rate, or once they are used up. */
  exhaustedOn: string | null;
}

export interface BurnPoint {
  date: string;
  dayHundredths: number;
}

export interface Burn {
  /** Steps: up on the day each change request was approved. */
  planned: BurnPoint[];
  /** Cumulative, a step up on each booking day. */
  spent: BurnPoint[];
  /** From today's spent to the day the plan runs out (or the horizon); empty without a rate. */
  forecast: BurnPoint[];
}

export interface LineBudget extends BudgetFigures {
  id: string;
  role: string;
  description: string;
  /** Of the planned days, what approved change requests added. */
  changeDayHundredths: number;
}

export interface RoleBudget extends BudgetFigures {
  role: string;
}

export interface SowBudget extends BudgetFigures {
  sow: { id: string; number: number; title: string; version: number; status: SowStatus; currency: Currency };
  /** The SOW's fees and what approved change requests add to them. */
  feesMinor: number;
  changeFeesMinor: number;
  /** The approved change requests counted in. */
  changes: { id: string; number: number; dayHundredths: number; totalMinor: number; decidedOn: string | null }[];
  lines: LineBudget[];
  roles: RoleBudget[];
  forecast: Forecast;
  burn: Burn;
}

export interface BudgetWarning {
  /** null for the whole project. */
  sowId: string | null;
  level: 80 | 100;
  usedBasisPoints: number;
}

export interface ProjectBudget extends BudgetFigures {
  /** Hours per working day (the project's setting, 8 by default). */
  hoursPerDay: number;
  sows: SowBudget[];
  /** Time on the project's activities, outside every SOW. */
  activityQuarterHours: number;
  forecast: Forecast;
  burn: Burn;
  warnings: BudgetWarning[];
}

/** a / b rounded half up, for non-negative integers. */
const rounded = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

function figures(plannedDayHundredths: number, spentQuarterHours: number, quartersPerDay: number): BudgetFigures {
  // Both in hundredths of a quarter hour: exact integers.
  const planned = plannedDayHundredths * quartersPerDay;
  const spent = spentQuarterHours * 100;
  const spentDayHundredths = rounded(spent, quartersPerDay);
  const level: BudgetLevel = spent > 0 && spent >= planned ? 100 : planned > 0 && spent * 5 >= planned * 4 ? 80 : 0;
  return {
    plannedDayHundredths,
    spentQuarterHours,
    spentDayHundredths,
    remainingDayHundredths: plannedDayHundredths - spentDayHundredths,
    usedBasisPoints: planned > 0 ? Math.floor((spent * 10_000) / planned) : null,
    level,
  };
}

/** The rate of the last FORECAST_WINDOW_DAYS, and when the plan runs out at it. */
function forecastOf(days: ReadonlyMap<string, number>, f: BudgetFigures, today: string, quartersPerDay: number): Forecast {
  const booked = [...days.keys()].sort();
  if (booked.length === 0 || booked[0]! > today) return { weeklyDayHundredths: 0, window: null, exhaustedOn: null };
  const from = booked[0]! > addDays(today, 1 - FORECAST_WINDOW_DAYS) ? booked[0]! : addDays(today, 1 - FORECAST_WINDOW_DAYS);
  const length = daysBetween(from, today) + 1;
  const inWindow = sum([...days].filter(([d]) => d >= from && d <= today).map(([, q]) => q));
  const weeklyDayHundredths = rounded(inWindow * 7 * 100, length * quartersPerDay);
  // Remaining and rate in hundredths of a quarter hour per day: days needed, rounded up.
  const remaining = f.plannedDayHundredths * quartersPerDay - f.spentQuarterHours * 100;
  const exhaustedOn = remaining > 0 && inWindow > 0 ? addDays(today, Math.ceil((remaining * length) / (inWindow * 100))) : null;
  return { weeklyDayHundredths, window: { from, to: today }, exhaustedOn };
}

interface Step {
  date: string;
  dayHundredths: number;
}

/** The chart's three series from the plan's steps (its start, then each approved change) and the days booked. */
function burnOf(steps: readonly Step[], days: ReadonlyMap<string, number>, f: BudgetFigures, forecast: Forecast, today: string, quartersPerDay: number): Burn {
  const booked = [...days.keys()].sort();
  const sortedSteps = [...steps].sort((a, b) => a.date.localeCompare(b.date));
  const start = [sortedSteps[0]?.date, booked[0], today].filter((d): d is string => d !== undefined).sort()[0]!;
  const horizon = addDays(today, FORECAST_HORIZON_DAYS);
  const forecastEnd = forecast.exhaustedOn && forecast.exhaustedOn < horizon ? forecast.exhaustedOn : forecast.weeklyDayHundredths > 0 ? horizon : null;
  const end = [today, ...booked.slice(-1), ...(forecastEnd ? [forecastEnd] : [])].sort().at(-1)!;

  const planned: BurnPoint[] = [{ date: start, dayHundredths: 0 }];
  let plan = 0;
  for (const step of sortedSteps) {
    const date = step.date < start ? start : step.date;
    planned.push({ date, dayHundredths: plan });
    plan += step.dayHundredths;
    planned.push({ date, dayHundredths: plan });
  }
  planned.push({ date: end, dayHundredths: plan });

  // Steps too: flat between bookings, up on each day booked (a line between two booking days
  // weeks apart would show work on days nobody booked).
  const spent: BurnPoint[] = [{ date: start, dayHundredths: 0 }];
  let quarters = 0;
  for (const date of booked) {
    spent.push({ date, dayHundredths: rounded(quarters * 100, quartersPerDay) });
    quarters += days.get(date)!;
    spent.push({ date, dayHundredths: rounded(quarters * 100, quartersPerDay) });
  }

  const forecastLine: BurnPoint[] = [];
  if (forecastEnd && forecast.weeklyDayHundredths > 0) {
    const perDay = forecast.weeklyDayHundredths / 7;
    const reached = forecast.exhaustedOn === forecastEnd ? f.plannedDayHundredths : Math.round(f.spentDayHundredths + perDay * daysBetween(today, forecastEnd));
    forecastLine.push({ date: today, dayHundredths: f.spentDayHundredths }, { date: forecastEnd, dayHundredths: reached });
  }
  return { planned: dedupe(planned), spent: dedupe(spent), forecast: forecastLine };
}

/** Consecutive equal points drawn once. */
function dedupe(points: BurnPoint[]): BurnPoint[] {
  return points.filter((p, i) => i === 0 || p.date !== points[i - 1]!.date || p.dayHundredths !== points[i - 1]!.dayHundredths);
}

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function sowBudget(sow: BudgetSowInput, input: BudgetInput): SowBudget {
  const { quartersPerDay, today } = input;
  // Nothing was agreed in a rejected SOW: it plans no days, and no change to it counts.
  const rejected = sow.status === 'rejected';
  const approved = rejected ? [] : input.changes.filter((c) => c.sowId === sow.id && c.status === 'approved').sort((a, b) => a.number - b.number);
  const changeDays = new Map<string, number>();
  const changeRoles = new Map<string, string>();
  for (const change of approved) {
    for (const e of change.effort) {
      addTo(changeDays, e.lineId, e.dayHundredths);
      changeRoles.set(e.lineId, e.role);
    }
  }
  const booked = new Map<string, number>();
  for (const row of input.byLine) if (row.sowId === sow.id) addTo(booked, row.lineId ?? '', row.quarterHours);
  // The version's lines, then lines only a change request or a booking still names.
  const known = new Map(sow.lines.map((l) => [l.id, l]));
  const extra = [...new Set([...changeDays.keys(), ...booked.keys()])].filter((id) => !known.has(id));
  const lines: LineBudget[] = [
    ...sow.lines.map((l) => ({ id: l.id, role: l.role, description: l.description, base: rejected ? 0 : l.dayHundredths })),
    ...extra.map((id) => ({ id, role: changeRoles.get(id) ?? '', description: '', base: 0 })),
  ].map((l) => {
    const added = changeDays.get(l.id) ?? 0;
    return { id: l.id, role: l.role, description: l.description, changeDayHundredths: added, ...figures(l.base + added, booked.get(l.id) ?? 0, quartersPerDay) };
  });
  const roleNames = [...new Set(lines.map((l) => l.role.trim()))];
  const roles = roleNames.map((role) => {
    const of = lines.filter((l) => l.role.trim() === role);
    return { role, ...figures(sum(of.map((l) => l.plannedDayHundredths)), sum(of.map((l) => l.spentQuarterHours)), quartersPerDay) };
  });
  const total = figures(sum(lines.map((l) => l.plannedDayHundredths)), sum(lines.map((l) => l.spentQuarterHours)), quartersPerDay);
  const days = new Map<string, number>();
  for (const row of input.byDay) if (row.sowId === sow.id) addTo(days, row.date, row.quarterHours);
  const forecast = forecastOf(days, total, today, quartersPerDay);
  const changes = approved.map((c) => {
    const impact = impactTotals(c.effort);
    return { id: c.id, number: c.number, dayHundredths: impact.dayHundredths, totalMinor: impact.totalMinor, decidedOn: c.decidedOn };
  });
  const base = rejected ? 0 : sum(sow.lines.map((l) => l.dayHundredths));
  const steps = [{ date: sow.date ?? today, dayHundredths: base }, ...changes.map((c) => ({ date: c.decidedOn ?? sow.date ?? today, dayHundredths: c.dayHundredths }))];
  return {
    sow: { id: sow.id, number: sow.number, title: sow.title, version: sow.version, status: sow.status, currency: sow.currency },
    feesMinor: rejected ? 0 : sow.feesMinor,
    changeFeesMinor: sum(changes.map((c) => c.totalMinor)),
    changes,
    lines,
    roles,
    ...total,
    forecast,
    burn: burnOf(steps, days, total, forecast, today, quartersPerDay),
  };
}

export function projectBudget(input: BudgetInput): ProjectBudget {
  const sows = [...input.sows].sort((a, b) => a.number - b.number).map((s) => sowBudget(s, input));
  const total = figures(sum(sows.map((s) => s.plannedDayHundredths)), sum(sows.map((s) => s.spentQuarterHours)), input.quartersPerDay);
  const days = new Map<string, number>();
  for (const row of input.byDay) addTo(days, row.date, row.quarterHours);
  const forecast = forecastOf(days, total, input.today, input.quartersPerDay);
  // The project's plan: each SOW's days from its date, each approved change from its decision.
  const steps = input.sows.flatMap((s) => {
    const budget = sows.find((b) => b.sow.id === s.id)!;
    const base = budget.plannedDayHundredths - sum(budget.changes.map((c) => c.dayHundredths));
    return [{ date: s.date ?? input.today, dayHundredths: base }, ...budget.changes.map((c) => ({ date: c.decidedOn ?? s.date ?? input.today, dayHundredths: c.dayHundredths }))];
  });
  const warnings: BudgetWarning[] = [
    ...(total.level > 0 ? [{ sowId: null, level: total.level as 80 | 100, usedBasisPoints: total.usedBasisPoints ?? 10_000 }] : []),
    ...sows.filter((s) => s.level > 0).map((s) => ({ sowId: s.sow.id, level: s.level as 80 | 100, usedBasisPoints: s.usedBasisPoints ?? 10_000 })),
  ];
  return {
    hoursPerDay: input.quartersPerDay / 4,
    sows,
    activityQuarterHours: input.activityQuarterHours,
    ...total,
    forecast,
    burn: burnOf(steps, days, total, forecast, input.today, input.quartersPerDay),
    warnings,
  };
}
