// CSV as Excel reads and writes it (RFC 4180): fields separated by a comma or a semicolon (German
// Excel writes semicolons), quoted when they hold the separator, a quote or a line break, quotes
// doubled inside quotes, CRLF or LF between records, and a UTF-8 byte-order mark so that Excel
// shows umlauts. Pure text in and out; the caller reads and writes files.

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** The line of the text where the record starts, from 1; records may span lines. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

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
        if (!closed) problems.push({ line: start, message: 'A quoted field is never closed: a quote (") is missing' });
        // After the closing quote only the separator or the end of the record may follow.
        let stray = '';
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') stray += text[i++];
        if (stray.trim() !== '') problems.push({ line, message: `Text after a closing quote: ${JSON.stringify(stray.slice(0, 20))}` });
      } else {
        // A quote inside an unquoted field is text, as Excel reads it (say "IMAPS" in a title).
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      cells.push(cell);
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

function quote(value: string, delimiter: Delimiter): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file's text: byte-order mark, the rows joined by CRLF (as Excel writes them). */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  return BOM + rows.map((row) => row.map((v) => quote(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
