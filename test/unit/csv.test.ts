// The CSV reader and writer: what Excel writes and reads, awkward content, and broken files; and
// every problem an import can report, written in English and in German.
import { describe, expect, it } from 'vitest';
import { choiceLabel, importProblemText } from '../../shared/checklist/csv-format.ts';
import { PRIORITIES, REQUIREMENT_STATUSES, type ChoiceField, type ImportProblemKind } from '../../shared/checklist/types.ts';
import { PHASES, SIDES } from '../../shared/domain.ts';
import { detectDelimiter, neutraliseCell, parseCsv, restoreCell, writeCsv } from '../../shared/csv.ts';
import { LANGUAGES, type Language } from '../../shared/i18n/index.ts';

describe('CSV', () => {
  it('round-trips quotes, separators, line breaks, spaces and umlauts with either separator', () => {
    const rows = [
      ['Title', 'Description'],
      ['Größe "XL"', 'Zeile 1\nZeile 2\r\nZeile 3'],
      ['a,b;c', '  leading and trailing  '],
      ['', 'ß — € ✓ Ελληνικά Кириллица'],
      ['=SUM(A1)', '"'],
    ];
    for (const delimiter of [',', ';'] as const) {
      const text = writeCsv(rows, delimiter);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const parsed = parseCsv(text);
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.map((r) => r.cells)).toEqual(rows);
    }
  });

  it('says on which line each record starts, records spanning lines included', () => {
    const parsed = parseCsv('A;B\r\n1;"two\nlines"\r\n3;4\r\n\r\n');
    expect(parsed.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['A', 'B']],
      [2, ['1', 'two\nlines']],
      [4, ['3', '4']],
    ]);
  });

  it('detects the separator from the header, not from commas in quoted text', () => {
    expect(detectDelimiter('Titel;Beschreibung\n"a, b";c')).toBe(';');
    expect(detectDelimiter('"Title; long",Description')).toBe(',');
    expect(detectDelimiter('Title')).toBe(',');
  });

  it('reports a missing closing quote and text after a closing quote with their lines', () => {
    expect(parseCsv('A,B\n1,"open\n2,3\n').problems).toEqual([{ line: 2, kind: 'unclosedQuote' }]);
    expect(parseCsv('A,B\n"x"y,1\n').problems).toEqual([{ line: 2, kind: 'textAfterQuote', text: 'y' }]);
  });

  it('reads a quote inside an unquoted field as text, as Excel does', () => {
    const parsed = parseCsv('A,B\n1,say "hi"\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[1]!.cells).toEqual(['1', 'say "hi"']);
  });

  it('keeps empty fields, a last line without line break and a lone CR', () => {
    expect(parseCsv('a,,c\r1,2,').records.map((r) => r.cells)).toEqual([
      ['a', '', 'c'],
      ['1', '2', ''],
    ]);
  });

  // OWASP's list: a spreadsheet runs a cell starting with any of these as a formula.
  const formulas = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+49 40 1234 5678', "-2+3+cmd|' /C calc'!A0", '\t=1+1', '\r=1+1', '\r\n=1+1'];
  // A text that really starts with an apostrophe, before one of them or before anything else.
  const apostrophes = ["'", "''", "'=1+1", "''=1+1", "'- list", "'Go-live' review"];

  it('writes a cell a spreadsheet would run as a formula as quoted text with an apostrophe in front, and one starting with an apostrophe too', () => {
    for (const value of [...formulas, ...apostrophes]) {
      expect(neutraliseCell(value), JSON.stringify(value)).toBe(`'${value}`);
      expect(writeCsv([[value, 'x']], ';'), JSON.stringify(value)).toBe(`\uFEFF"'${value}";x\r\n`);
    }
    for (const value of ['', 'Firewall', 'R-007', '2026-12-01', 'a=b', ' =1+1', '\n=1+1', '"=1+1"']) expect(neutraliseCell(value), JSON.stringify(value)).toBe(value);
  });

  it('reads back exactly what it wrote, taking one apostrophe off only where one of those characters follows', () => {
    const rows = [...formulas, ...apostrophes, "'x", 'x'].map((value) => ['R-001', value]);
    for (const delimiter of [',', ';'] as const) {
      const parsed = parseCsv(writeCsv(rows, delimiter));
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.map((r) => r.cells)).toEqual(rows);
    }
    for (const value of [...formulas, ...apostrophes]) expect(restoreCell(neutraliseCell(value))).toBe(value);
    // What people write themselves stays as it is: an apostrophe before anything else, a formula.
    expect(["'x", "'", '=1+1', 'x'].map(restoreCell)).toEqual(["'x", "'", '=1+1', 'x']);
  });

  it('reads a file a spreadsheet saved again the same, whether it kept the apostrophe or took it as its mark for text', () => {
    // Kept: saved without the quotes it does not need. Taken: saved as the bare text.
    expect(parseCsv("Title,Category\r\n'=1+1,'@home\r\n=1+1,@home\r\n").records.map((r) => r.cells)).toEqual([
      ['Title', 'Category'],
      ['=1+1', '@home'],
      ['=1+1', '@home'],
    ]);
  });
});

/** Every kind of import problem, each with values as a file has them; a new kind fails `tsc` here until it has one. */
const PROBLEMS: { [K in ImportProblemKind['kind']]: Extract<ImportProblemKind, { kind: K }>[] } = {
  unclosedQuote: [{ kind: 'unclosedQuote' }],
  textAfterQuote: [{ kind: 'textAfterQuote', text: 'Rest' }],
  noTitleColumn: [{ kind: 'noTitleColumn' }],
  tooManyFields: [{ kind: 'tooManyFields', fields: 12, headerFields: 11 }],
  notADate: [{ kind: 'notADate', text: '31.02.2026' }],
  notANumber: [{ kind: 'notANumber', text: 'Nr. 7a' }],
  notAChoice: (['phase', 'ownerSide', 'status', 'priority'] as const).map((field) => ({ kind: 'notAChoice', field, text: 'fertig' })),
  unknownPerson: [{ kind: 'unknownPerson', text: 'Erika Mustermann' }],
  unknownTopic: [{ kind: 'unknownTopic', text: 'Speicherplatz' }],
  tooLong: [{ kind: 'tooLong', max: 20_000 }],
  notAccepted: [{ kind: 'notAccepted' }],
  duplicateNumber: [{ kind: 'duplicateNumber', number: 7, firstLine: 2 }],
  removedNumber: [{ kind: 'removedNumber', number: 7, on: '2026-03-02' }],
  emptyTitle: [{ kind: 'emptyTitle' }],
};
const ALL_PROBLEMS: ImportProblemKind[] = Object.values(PROBLEMS).flat();

/** Words only the other language uses, as they would leak into a message. */
const FOREIGN: Record<Language, RegExp> = {
  de: /\b(the|and|or|is|are|of|on|with|not|no|one|but|has|after|than|this|here|line|title|number|date|fields?|header|quote|column|write|called|project|topic|removed|empty|longer|characters|value|accepted|already|choose|open|done|blocked|needed|progress|high|low|customer|consultancy|concept|approval)\b/i,
  en: /\b(und|oder|der|die|das|ist|nicht|kein|keine|niemanden|nach|schon|aber|als|Zeile|Spalte|Titel|Nummer|Datum|Felder?|Kopfzeile|Zeichen|Wert|Offen|Erledigt|Blockiert|Hoch|Niedrig|Kunde|Beratung|Konzeption|Abnahme)\b/,
};

const CHOICE_VALUES: Record<ChoiceField, readonly string[]> = { phase: PHASES, ownerSide: SIDES, status: REQUIREMENT_STATUSES, priority: PRIORITIES };

describe('import problems in words', () => {
  it.each(LANGUAGES)('has every kind of problem in %s, in that language only, with the values as the file has them', (language) => {
    for (const problem of ALL_PROBLEMS) {
      const text = importProblemText(problem, language);
      const other = importProblemText(problem, language === 'de' ? 'en' : 'de');
      expect(text.trim(), problem.kind).not.toBe('');
      expect(text, problem.kind).not.toMatch(/\{\w+\}/);
      expect(text, problem.kind).not.toBe(other);
      expect(FOREIGN[language].exec(text)?.[0], `${problem.kind}: ${text}`).toBeUndefined();
      // A value from the file is quoted as written, in the language's quotation marks.
      if ('text' in problem) expect(text, problem.kind).toContain(language === 'de' ? `„${problem.text}“` : `"${problem.text}"`);
      if (problem.kind === 'notAChoice') {
        for (const value of CHOICE_VALUES[problem.field]) expect(text, problem.field).toContain(choiceLabel(problem.field, value, language));
      }
    }
  });

  it('writes dates and numbers as each language does', () => {
    const removed: ImportProblemKind = { kind: 'removedNumber', number: 7, on: '2026-03-02' };
    expect(importProblemText(removed, 'de')).toMatch(/^R-007 wurde am 02\.03\.2026 aus der Checkliste entfernt/);
    expect(importProblemText(removed, 'en')).toMatch(/^R-007 was removed from the checklist on Mar 2, 2026/);
    expect(importProblemText({ kind: 'tooLong', max: 20_000 }, 'de')).toBe('Länger als 20.000 Zeichen');
    expect(importProblemText({ kind: 'tooLong', max: 20_000 }, 'en')).toBe('Longer than 20,000 characters');
    expect(importProblemText({ kind: 'notADate', text: '31.02.2026' }, 'de')).toBe('Kein Datum: „31.02.2026“ (so schreiben: 2026-12-01 oder 01.12.2026)');
  });
});
