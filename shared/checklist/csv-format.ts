// The checklist as a CSV file: which columns, how values are written (labels in the chosen
// language, dates as YYYY-MM-DD) and how they are read back. Reading accepts what people and
// Excel make of such a file: headers and values in English or German or as field keys, any
// case; dates as 2026-12-01, 01.12.2026 (German Excel) or 12/1/2026 (US Excel); numbers as R-007
// or 7. Looking up people and topics is the caller's: it knows the project.
import { PHASES, SIDES } from '../domain.ts';
import { LANGUAGES, translate, type Language, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { isIsoDate } from '../iso-date.ts';
import { formatDay } from './show.ts';
import { EDITABLE_FIELDS, PRIORITIES, REQUIREMENT_STATUSES, formatNumber, type ChoiceField, type EditableField, type ImportProblemKind } from './types.ts';

export type CsvTarget = EditableField | 'number';

/** The columns of an exported file, in order. */
export const CSV_TARGETS: readonly CsvTarget[] = ['number', ...EDITABLE_FIELDS];

export const columnLabelKey = (target: CsvTarget): MessageKey => `requirements.column.${target}`;

/** Fields whose values are one of a list, with the catalogue prefix of their labels. */
const CHOICES = {
  phase: { values: PHASES, prefix: 'phase' },
  ownerSide: { values: SIDES, prefix: 'side' },
  status: { values: REQUIREMENT_STATUSES, prefix: 'requirementStatus' },
  priority: { values: PRIORITIES, prefix: 'priority' },
} as const satisfies Record<ChoiceField, { values: readonly string[]; prefix: string }>;

const isChoiceField = (target: CsvTarget): target is ChoiceField => Object.hasOwn(CHOICES, target);

export function choiceLabel(field: ChoiceField, value: string, language: Language): string {
  return translate(language, `${CHOICES[field].prefix}.${value}` as MessageKey);
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** Which field each header fills: a header matches a column label in any language or a field key. */
export function suggestMapping(headers: readonly string[]): (CsvTarget | null)[] {
  const used = new Set<CsvTarget>();
  return headers.map((header) => {
    const h = normalise(header);
    const target = CSV_TARGETS.find(
      (t) => !used.has(t) && (normalise(t) === h || LANGUAGES.some((l) => normalise(translate(l, columnLabelKey(t))) === h)),
    );
    if (!target) return null;
    used.add(target);
    return target;
  });
}

export type CellResult = { value: string | number | null } | { error: ImportProblemKind };

function readDate(text: string): CellResult {
  const iso = text.trim();
  if (isIsoDate(iso)) return { value: iso };
  const pad = (n: string) => n.padStart(2, '0');
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(iso);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(iso);
  const candidate = german ? `${german[3]}-${pad(german[2]!)}-${pad(german[1]!)}` : us ? `${us[3]}-${pad(us[1]!)}-${pad(us[2]!)}` : null;
  if (candidate && isIsoDate(candidate)) return { value: candidate };
  return { error: { kind: 'notADate', text } };
}

function readChoice(field: ChoiceField, text: string): CellResult {
  const t = normalise(text);
  const found = CHOICES[field].values.find((v) => normalise(v) === t || LANGUAGES.some((l) => normalise(choiceLabel(field, v, l)) === t));
  return found ? { value: found } : { error: { kind: 'notAChoice', field, text } };
}

/**
 * One cell as the value of its field. An empty cell is null (the title, which must not be empty,
 * is the caller's to check). People and topics stay text for the caller to look up.
 */
export function readCell(target: CsvTarget, text: string): CellResult {
  if (text.trim() === '') return { value: null };
  if (target === 'number') {
    const m = /^\s*(?:R-?)?0*(\d{1,9})\s*$/i.exec(text);
    return m && Number(m[1]) > 0 ? { value: Number(m[1]) } : { error: { kind: 'notANumber', text } };
  }
  if (target === 'dueDate') return readDate(text);
  if (isChoiceField(target)) return readChoice(target, text);
  // Text is kept as written, spaces around it too: the API stores text exactly, and so must the round trip.
  return { value: text };
}

/**
 * A problem of an import in one language: the API's message in English (for the command line),
 * the import dialog's in the UI's. Values are quoted as the file has them; choices are listed by
 * their labels in `language`, dates written as the language writes them.
 */
export function importProblemText(problem: ImportProblemKind, language: Language): string {
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  switch (problem.kind) {
    case 'unclosedQuote':
      return t('import.problem.unclosedQuote');
    case 'textAfterQuote':
      return t('import.problem.textAfterQuote', { text: problem.text });
    case 'noTitleColumn':
      return t('import.problem.noTitleColumn');
    case 'tooManyFields':
      return t('import.problem.tooManyFields', { fields: problem.fields, columns: problem.headerFields });
    case 'notADate':
      return t('import.problem.notADate', { text: problem.text });
    case 'notANumber':
      return t('import.problem.notANumber', { text: problem.text });
    case 'notAChoice': {
      const choices = CHOICES[problem.field].values.map((v) => choiceLabel(problem.field, v, language)).join(', ');
      return t('import.problem.notAChoice', { text: problem.text, choices });
    }
    case 'unknownPerson':
      return t('import.problem.unknownPerson', { text: problem.text });
    case 'unknownTopic':
      return t('import.problem.unknownTopic', { text: problem.text });
    case 'tooLong':
      return t('import.problem.tooLong', { max: problem.max });
    case 'notAccepted':
      return t('import.problem.notAccepted');
    case 'duplicateNumber':
      return t('import.problem.duplicateNumber', { number: formatNumber(problem.number), line: problem.firstLine });
    case 'removedNumber':
      return t('import.problem.removedNumber', { number: formatNumber(problem.number), date: formatDay(language, problem.on) });
    case 'emptyTitle':
      return t('import.problem.emptyTitle');
  }
}

export interface CsvItem {
  number: number;
  title: string;
  description: string;
  category: string;
  topic: string;
  phase: string | null;
  ownerSide: string | null;
  responsible: string;
  dueDate: string | null;
  status: string;
  priority: string;
}

/** The header row and one row per item, values as a person reads them in `language`. */
export function checklistRows(items: readonly CsvItem[], language: Language): string[][] {
  const label = (field: ChoiceField, value: string | null) => (value === null ? '' : choiceLabel(field, value, language));
  return [
    CSV_TARGETS.map((t) => translate(language, columnLabelKey(t))),
    ...items.map((item) => [
      formatNumber(item.number),
      item.title,
      item.description,
      item.category,
      item.topic,
      label('phase', item.phase),
      label('ownerSide', item.ownerSide),
      item.responsible,
      item.dueDate ?? '',
      label('status', item.status),
      label('priority', item.priority),
    ]),
  ];
}
