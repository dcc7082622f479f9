// A CSV file's records from text arriving in pieces: a quoted field may hold the separator, doubled
// quotes and line breaks, and may be cut anywhere between two pieces. Lines without a quote take a
// fast path (a split); only quoted records go through the character-by-character reader.

export interface CsvRecord {
  /** The line the record starts on, from 1. */
  line: number;
  fields: string[];
  /** A quote not closed before the end of the file, or text after a closing quote. */
  broken: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvRecords {
  private pending = '';
  private line = 1;
  /** The first line's most frequent of comma, tab, semicolon and pipe (JMeter's default_delimiter). */
  private delimiter: string | null = null;
  private readonly onRecord: (record: CsvRecord) => void;

  constructor(onRecord: (record: CsvRecord) => void) {
    this.onRecord = onRecord;
  }

  push(chunk: string): void {
    this.pending += chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
  }

  private drain(atEnd: boolean): void {
    const text = this.pending;
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      if (newline < 0 && !atEnd) break;
      const lineEnd = newline < 0 ? text.length : newline;
      const raw = text.charCodeAt(lineEnd - 1) === CR ? text.slice(start, lineEnd - 1) : text.slice(start, lineEnd);
      if (this.delimiter === null) this.delimiter = guessDelimiter(raw);
      if (!raw.includes('"')) {
        if (raw !== '') this.onRecord({ line: this.line, fields: raw.split(this.delimiter), broken: false });
        this.line += 1;
        start = lineEnd + 1;
        continue;
      }
      const quoted = this.readQuoted(text, start, atEnd);
      if (!quoted) break;
      this.onRecord({ line: this.line, fields: quoted.fields, broken: quoted.broken });
      this.line += quoted.lines;
      start = quoted.next;
    }
    this.pending = text.slice(start);
  }

  /** A record with quotes from `start`; null when its end has not arrived yet. */
  private readQuoted(text: string, start: number, atEnd: boolean): { fields: string[]; broken: boolean; lines: number; next: number } | null {
    const delimiter = this.delimiter!.charCodeAt(0);
    const fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let closed = false;
    let broken = false;
    let lines = 1;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i++;
          } else {
            inQuotes = false;
            closed = true;
          }
        } else {
          if (c === LF) lines++;
          field += text[i];
        }
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        closed = false;
      } else if (c === LF) {
        fields.push(!closed && field.endsWith('\r') ? field.slice(0, -1) : field);
        return { fields, broken, lines, next: i + 1 };
      } else if (c === QUOTE && field === '' && !closed) {
        inQuotes = true;
      } else if (!(c === CR && closed)) {
        // A quote inside unquoted text, or text after a closing quote ("a"b): not CSV as JMeter writes it.
        if (c === QUOTE || closed) broken = true;
        field += text[i];
      }
    }
    if (!atEnd) return null;
    fields.push(field);
    return { fields, broken: broken || inQuotes, lines, next: i };
  }
}

function guessDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
