// Dates as the date field reads and shows them: German 30.11.2026 (and 1.12.26), English the ISO
// form, both read in either language; slashed dates refused as ambiguous, impossible dates refused
// with what makes them impossible.
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index.ts';
import { monthName, readDate, showDate } from '../../renderer/src/components/date-text.ts';

describe('the date field', () => {
  it('reads German and ISO dates, in either language, as YYYY-MM-DD', () => {
    expect(readDate('30.11.2026', 'date')).toEqual({ value: '2026-11-30' });
    expect(readDate('1.12.26', 'date')).toEqual({ value: '2026-12-01' });
    expect(readDate(' 1. 12. 2026 ', 'date')).toEqual({ value: '2026-12-01' });
    expect(readDate('2026-11-30', 'date')).toEqual({ value: '2026-11-30' });
    expect(readDate('2026-1-5', 'date')).toEqual({ value: '2026-01-05' });
    expect(readDate('29.02.2028', 'date')).toEqual({ value: '2028-02-29' });
    expect(readDate('  ', 'date')).toEqual({ value: '' });
  });

  it('refuses slashed dates, whose day depends on who wrote them, and text that is no date', () => {
    for (const typed of ['11/30/2026', '30/11/2026', '30.11.', '30.11.202', 'tomorrow', '2026-11-30 14:30'])
      expect(readDate(typed, 'date'), typed).toEqual({ problem: { kind: 'unreadable' } });
  });

  it('refuses a date that does not exist and says why', () => {
    expect(readDate('31.02.2026', 'date')).toEqual({ problem: { kind: 'noSuchDay', date: '31.02.2026', year: 2026, month: 2, days: 28 } });
    expect(readDate('2100-02-29', 'date')).toEqual({ problem: { kind: 'noSuchDay', date: '2100-02-29', year: 2100, month: 2, days: 28 } });
    expect(readDate('0.12.2026', 'date')).toMatchObject({ problem: { kind: 'noSuchDay', days: 31 } });
    expect(readDate('30.13.2026', 'date')).toEqual({ problem: { kind: 'noSuchMonth', date: '30.13.2026' } });

    const reason = (language: 'en' | 'de') =>
      translate(language, 'dateField.noSuchDay', { date: language === 'de' ? '31.02.2026' : '2026-02-31', month: monthName(2026, 2, language), days: 28 });
    expect(reason('de')).toBe('Den 31.02.2026 gibt es nicht: Der Februar 2026 hat 28 Tage.');
    expect(reason('en')).toBe('There is no 2026-02-31: February 2026 has 28 days.');
  });

  it('reads a date and time as YYYY-MM-DDTHH:MM', () => {
    expect(readDate('30.11.2026 14:30', 'dateTime')).toEqual({ value: '2026-11-30T14:30' });
    expect(readDate('30.11.26, 9.05 Uhr', 'dateTime')).toEqual({ value: '2026-11-30T09:05' });
    expect(readDate('2026-11-30T14:30', 'dateTime')).toEqual({ value: '2026-11-30T14:30' });
    expect(readDate('2026-11-30 14:30', 'dateTime')).toEqual({ value: '2026-11-30T14:30' });
    expect(readDate('30.11.2026', 'dateTime')).toEqual({ problem: { kind: 'unreadable' } });
    expect(readDate('30.11.2026 24:00', 'dateTime')).toEqual({ problem: { kind: 'noSuchTime', time: '24:00' } });
    expect(readDate('31.11.2026 10:00', 'dateTime')).toMatchObject({ problem: { kind: 'noSuchDay', days: 30 } });
  });

  it('shows a stored date in the UI language, and reads back what it shows', () => {
    expect(showDate('2026-11-30', 'de')).toBe('30.11.2026');
    expect(showDate('2026-11-30', 'en')).toBe('2026-11-30');
    expect(showDate('2026-11-30T09:05', 'de')).toBe('30.11.2026 09:05');
    expect(showDate('2026-11-30T09:05', 'en')).toBe('2026-11-30 09:05');
    // Text that was refused stays as it was typed.
    expect(showDate('30.13.2026', 'de')).toBe('30.13.2026');
    for (const language of ['en', 'de'] as const) {
      expect(readDate(showDate('2026-01-05', language), 'date')).toEqual({ value: '2026-01-05' });
      expect(readDate(showDate('2026-01-05T07:45', language), 'dateTime')).toEqual({ value: '2026-01-05T07:45' });
    }
  });
});
