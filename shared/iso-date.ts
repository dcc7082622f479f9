// A calendar date as the API and the forms carry it: `YYYY-MM-DD`, and a day that exists
// (2026-02-30 is refused, which Date.parse would accept); and as each language writes it.
import { z } from 'zod';
import type { Language } from './i18n/index.ts';

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isoDate = z.string().refine(isIsoDate, { message: 'Expected a date as YYYY-MM-DD', params: { reason: 'date' } });

/** The calendar day of `moment` where the consultant is (not in UTC: a late workshop is today's). */
export function localIsoDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * A stored date (or date and time) as the language writes it, apart from the browser's locale:
 * German 30.11.2026, English the ISO form 2026-11-30, which readers in London and New York read
 * alike. Anything else as it is.
 */
export function showDate(value: string, language: Language): string {
  const stored = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (!stored) return value;
  const [, year, month, day, time] = stored;
  const date = language === 'de' ? `${day}.${month}.${year}` : `${year}-${month}-${day}`;
  return time ? `${date} ${time}` : date;
}
