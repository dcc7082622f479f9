// CSV as Excel reads and writes it (RFC 4180): fields separated by a comma or a semicolon (German
// Excel writes semicolons), quoted when they hold the separator, a quote or a line break, quotes
// doubled inside quotes, CRLF or LF between records, and a UTF-8 byte-order mark so that Excel
// shows umlauts. A cell a spreadsheet would run as a formula is written as text (see
// neutraliseCell) and read back as it was. Pure text in and out; the caller reads and writes files.

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** The line of the text where the record starts, from 1; records may span lines. */
  line: number;
  cells: string[];
}

/** What is wrong with a file's text, for the caller to write in its reader's language. */
export type CsvProblemKind =
  /** A quoted field runs to the end of the file. */
  | { kind: 'unclosedQuote' }
  /** Something other than the separator follows a closing quote; `text` is its start. */
  | { kind: 'textAfterQuote'; text: string };

export type CsvProblem = { line: number } & CsvProblemKind;

export interface ParsedCsv {
  delimiter: Delimiter;
  records: CsvRecord[];
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/**
 * The separator of the first record: whichever of comma and semicolon occurs more often outside
 * quotes (a semicolon file's text often holds commas, and the reverse). A tie goes to the comma.
 */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string, delimiter: Delimiter = detectDelimiter(input)): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (text[i] === '"') {
        // A quoted field: up to the quote that is not doubled.
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (!closed) problems.push({ line: start, kind: 'unclosedQuote' });
        // After the closing quote only the separator or the end of the record may follow.
        let stray = '';
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') stray += text[i++];
        if (stray.trim() !== '') problems.push({ line, kind: 'textAfterQuote', text: stray.slice(0, 20) });
      } else {
        // A quote inside an unquoted field is text, as Excel reads it (say "IMAPS" in a title).
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      cells.push(restoreCell(cell));
      cell = '';
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      atRecordEnd = true;
    }
    // Blank lines (often at the end of a file) are not records.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return { delimiter, records, problems };
}

/**
 * Formula injection ("CSV injection", OWASP): Excel, LibreOffice Calc and Google Sheets take a cell
 * starting with =, +, - or @ as a formula, and one starting with a tab or a carriage return too,
 * so an item titled `=cmd|' /C calc'!A0` or `@SUM(1+1)` would run on the machine of whoever opens
 * the export. Such a cell is written with an apostrophe in front, which makes it text, and quoted.
 * No exception for a leading minus: none of our columns holds numbers (dates are 2026-12-01,
 * numbers R-007, an empty value an empty cell), so it starts free text such as a list of "- ..."
 * lines, and as text even "-1,5" survives a spreadsheet that would read it as a number.
 *
 * The apostrophe is itself one of the characters, so that reading can take exactly one off where
 * one of them follows and every text reads back as it was: `=x` is written `'=x`, `'=x` is
 * written `''=x`, `'x` is written `''x`; `'x` as found in a file is read as it is.
 */
const WRITTEN_AS_TEXT = /^[=+\-@\t\r']/;

export function neutraliseCell(value: string): string {
  return WRITTEN_AS_TEXT.test(value) ? `'${value}` : value;
}

/**
 * The text of a cell neutraliseCell wrote. A file saved again by a spreadsheet reads back the
 * same, whether the spreadsheet kept the apostrophe as part of the text (it is taken off here) or
 * took it as its own mark for text and saved the text without it (nothing to take off); only a
 * text that itself starts with an apostrophe before one of the characters loses that apostrophe
 * in the second case.
 */
export function restoreCell(text: string): string {
  return text.startsWith("'") && WRITTEN_AS_TEXT.test(text.slice(1)) ? text.slice(1) : text;
}

function field(value: string, delimiter: Delimiter): string {
  const cell = neutraliseCell(value);
  // A neutralised cell is quoted as OWASP advises, so that it reaches the spreadsheet as one field.
  const quoted = cell !== value || /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value);
  return quoted ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A CSV file's text: byte-order mark, the rows joined by CRLF (as Excel writes them). */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  return BOM + rows.map((row) => row.map((v) => field(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
