// The CSV reader and writer: what Excel writes and reads, awkward content, and broken files.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, writeCsv } from '../../shared/csv.ts';

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
    expect(parseCsv('A,B\n1,"open\n2,3\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/never closed/) }]);
    expect(parseCsv('A,B\n"x"y,1\n').problems).toEqual([{ line: 2, message: expect.stringMatching(/after a closing quote/) }]);
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
});
