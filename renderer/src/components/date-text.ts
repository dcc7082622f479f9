// Dates as the consultant types and reads them, apart from the browser's locale: German writes
// 30.11.2026, English the ISO form 2026-11-30, which readers in London and New York read alike
// (01/12/2026 is 1 December to one and 12 January to the other). Either language reads both
// forms, as they cannot be mistaken for each other; slashed dates are refused, since which number
// is the day depends on who wrote them. The API keeps YYYY-MM-DD, and YYYY-MM-DDTHH:MM for a date
// with a time.
import type { Language } from '../../../shared/i18n/index.ts';

/** A date alone, or a date with a time of day (a meeting's start). */
export type DateKind = 'date' | 'dateTime';

export type DateProblem =
  | { kind: 'unreadable' }
  | { kind: 'noSuchMonth'; date: string }
  | { kind: 'noSuchDay'; date: string; year: number; month: number; days: number }
  | { kind: 'noSuchTime'; time: string };

/** The stored form of what was typed ('' for nothing), or why it is not a date. */
export type DateReading = { value: string } | { problem: DateProblem };

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 30.11.2026, 1.12.26, and 1. 12. 2026 as some type it. */
const DOTTED_DATE = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})$/;
/** A time at the end, after a space, a comma or ISO's T: 14:30, 9.30, 14:30 Uhr. */
const TIME_AT_END = /(?:^|[\s,]+|T)(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An example of the form the UI language writes, for hints and refusals. */
export const EXAMPLE: Record<DateKind, string> = { date: '2026-11-30', dateTime: '2026-11-30T14:30' };

// Written in shared/, where the charts' date axes write dates the same way.
export { showDate } from '../../../shared/iso-date.ts';

export function readDate(text: string, kind: DateKind): DateReading {
  const typed = text.trim();
  if (typed === '') return { value: '' };
  if (kind === 'date') return readDay(typed);
  const time = TIME_AT_END.exec(typed);
  if (!time) return { problem: { kind: 'unreadable' } };
  const day = readDay(typed.slice(0, time.index).trim());
  if ('problem' in day) return day;
  const [hours, minutes] = [Number(time[1]), Number(time[2])];
  if (hours > 23 || minutes > 59) return { problem: { kind: 'noSuchTime', time: `${time[1]}:${time[2]}` } };
  return { value: `${day.value}T${pad(hours)}:${pad(minutes)}` };
}

function readDay(typed: string): DateReading {
  const parts = dayParts(typed);
  if (!parts) return { problem: { kind: 'unreadable' } };
  const { year, month, day } = parts;
  if (month < 1 || month > 12) return { problem: { kind: 'noSuchMonth', date: typed } };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { problem: { kind: 'noSuchDay', date: typed, year, month, days } };
  return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Year, month and day as typed; a two-digit year is this century's (project dates are not in the 1920s). */
function dayParts(typed: string): { year: number; month: number; day: number } | null {
  const iso = ISO_DATE.exec(typed);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dotted = DOTTED_DATE.exec(typed);
  if (!dotted) return null;
  const [, day = '', month = '', year = ''] = dotted;
  return { year: year.length === 2 ? 2000 + Number(year) : Number(year), month: Number(month), day: Number(day) };
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** "February 2026" / "Februar 2026", for saying how many days a month has. */
export function monthName(year: number, month: number, language: Language): string {
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1, 1);
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
}
