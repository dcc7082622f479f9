// Sums of time entries, once for the list, the report document and the CSV's reader: all hours,
// the billable ones, per person, per SOW line or activity, and per calendar week (ISO 8601: weeks
// start on Monday). Quarter hours, so every sum is exact.
import type { TimeEntry, TimeTotals } from './types.ts';

const DAY_MS = 86_400_000;

/** The Monday of the ISO week `date` (YYYY-MM-DD) falls in. */
export function weekOf(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The day `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO 8601 week number and its year: 2026-12-28 is week 53 of 2026, 2027-01-01 too. */
export function isoWeek(date: string): { year: number; week: number } {
  // The week's Thursday decides its year.
  const thursday = addDays(weekOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

type Booked = Pick<TimeEntry, 'date' | 'personId' | 'sowId' | 'lineId' | 'activityId' | 'quarterHours' | 'billable'>;

export function timeTotals(entries: readonly Booked[]): TimeTotals {
  const people = new Map<string, { personId: string; quarterHours: number; billableQuarterHours: number }>();
  const targets = new Map<string, TimeTotals['byTarget'][number]>();
  const weeks = new Map<string, number>();
  let quarterHours = 0;
  let billableQuarterHours = 0;
  for (const e of entries) {
    const billable = e.billable ? e.quarterHours : 0;
    quarterHours += e.quarterHours;
    billableQuarterHours += billable;
    const person = people.get(e.personId) ?? { personId: e.personId, quarterHours: 0, billableQuarterHours: 0 };
    person.quarterHours += e.quarterHours;
    person.billableQuarterHours += billable;
    people.set(e.personId, person);
    const key = `${e.sowId ?? ''}/${e.lineId ?? ''}/${e.activityId ?? ''}`;
    const target = targets.get(key) ?? { sowId: e.sowId, lineId: e.lineId, activityId: e.activityId, quarterHours: 0 };
    target.quarterHours += e.quarterHours;
    targets.set(key, target);
    const week = weekOf(e.date);
    weeks.set(week, (weeks.get(week) ?? 0) + e.quarterHours);
  }
  return {
    quarterHours,
    billableQuarterHours,
    byPerson: [...people.values()],
    byTarget: [...targets.values()],
    byWeek: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, q]) => ({ week, quarterHours: q })),
  };
}
