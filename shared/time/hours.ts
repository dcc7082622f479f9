// Hours as the consultant books them: quarter hours, never below zero, at most 24 a day for one
// person (all of that day's entries together, whatever project). Stored as quarter hours (hours ×
// 4), so sums are exact. Typed as the language writes numbers: 1,5 in German, 1.5 in English.
import type { Language } from '../i18n/index.ts';
import { editableDecimal, formatDays, parseDecimal } from '../money.ts';

export const QUARTERS_PER_HOUR = 4;
/** 24 hours: no one works more in one day. */
export const MAX_DAY_QUARTERS = 24 * QUARTERS_PER_HOUR;
/** A working day, unless the project says otherwise (its budget setting): what turns hours into days. */
export const DEFAULT_HOURS_PER_DAY = 8;

/** Whether `hours` is a whole number of quarter hours and not below zero. */
export function isQuarterHours(hours: number): boolean {
  return Number.isFinite(hours) && hours >= 0 && Number.isInteger(hours * QUARTERS_PER_HOUR);
}

/** Hours (a quarter-hour amount) as quarter hours: 1.5 → 6. */
export function toQuarters(hours: number): number {
  return Math.round(hours * QUARTERS_PER_HOUR);
}

export function toHours(quarters: number): number {
  return quarters / QUARTERS_PER_HOUR;
}

/**
 * Hours typed in `language` ("1,5" or "1.5" in German, "1.5" in English, "2" anywhere) as quarter
 * hours; null for text that is no number, a negative one, or one that is not a whole number of
 * quarter hours (1,3). Empty text is 0: an emptied cell books nothing.
 */
export function parseHours(text: string, language: Language): number | null {
  if (text.trim() === '') return 0;
  const hundredths = parseDecimal(text, 2, language);
  if (hundredths === null || hundredths < 0 || hundredths % 25 !== 0) return null;
  return hundredths / 25;
}

/** Quarter hours as the language writes hours, as few decimals as they need: "1,5", "0.25", "8". */
export function formatHours(quarters: number, language: Language): string {
  return formatDays(quarters * 25, language);
}

/** Quarter hours as they stand in an input field: "1,5" / "1.5" (no grouping). */
export function editableHours(quarters: number, language: Language): string {
  return editableDecimal(quarters * 25, 2, language);
}

/**
 * The quarter hours a timer booked from `startedAt` to `stoppedAt`: the nearest whole quarter
 * hour (7 minutes round down, 8 up), and at least one: a timer started and stopped is time spent.
 */
export function timerQuarters(startedAt: string, stoppedAt: Date): number {
  const minutes = Math.max(0, stoppedAt.getTime() - Date.parse(startedAt)) / 60_000;
  return Math.max(1, Math.round(minutes / 15));
}

/** The hours one more entry of `adding` quarters leaves a person on a day where others already hold `others`: null when it fits. */
export function dayOverflow(others: number, adding: number): { others: number; left: number } | null {
  return others + adding > MAX_DAY_QUARTERS ? { others, left: Math.max(0, MAX_DAY_QUARTERS - others) } : null;
}
