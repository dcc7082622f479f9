// Time entries as a CSV file for billing and payroll, written like the checklist's (../csv.ts:
// UTF-8 with a byte-order mark, semicolons in German and commas in English, as Excel expects):
// headers and yes/no in the chosen language, dates as 2026-12-01, hours as the language writes
// numbers without grouping (1,5 / 1.5), so that Excel reads them as numbers and sums them.
import { translate, type Language, type MessageKey } from '../i18n/index.ts';
import { sowNumber } from '../sows/types.ts';
import { editableHours } from './hours.ts';
import type { TimeEntry } from './types.ts';

export const TIME_CSV_COLUMNS = ['date', 'person', 'sow', 'line', 'activity', 'hours', 'billable', 'note'] as const;

/** What the rows name besides the entries' own values. */
export interface TimeNames {
  people: ReadonlyMap<string, string>;
  sows: ReadonlyMap<string, number>;
  /** Effort lines by origin id: "Senior consultant – Installation". */
  lines: ReadonlyMap<string, string>;
  activities: ReadonlyMap<string, string>;
}

type Row = Pick<TimeEntry, 'date' | 'personId' | 'sowId' | 'lineId' | 'activityId' | 'quarterHours' | 'billable' | 'note'>;

export function timeCsvRows(entries: readonly Row[], names: TimeNames, language: Language): string[][] {
  const t = (key: MessageKey) => translate(language, key);
  const header = TIME_CSV_COLUMNS.map((c) => t(`time.column.${c}`));
  return [
    header,
    ...entries.map((e) => [
      e.date,
      names.people.get(e.personId) ?? '',
      e.sowId ? sowNumber(names.sows.get(e.sowId) ?? 0) : '',
      e.lineId ? (names.lines.get(e.lineId) ?? '') : '',
      e.activityId ? (names.activities.get(e.activityId) ?? '') : '',
      editableHours(e.quarterHours, language),
      t(e.billable ? 'time.yes' : 'time.no'),
      e.note,
    ]),
  ];
}
