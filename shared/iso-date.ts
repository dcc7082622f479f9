// A calendar date as the API and the forms carry it: `YYYY-MM-DD`, and a day that exists
// (2026-02-30 is refused, which Date.parse would accept).
import { z } from 'zod';

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
