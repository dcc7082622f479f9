// JMeter's CSV results (JTL) read record by record: with a header of any column set JMeter
// writes, or without one in JMeter's default column order, recognised by its values.
import { CsvRecords, type CsvRecord } from './csv-records.ts';
import { JmeterStatistics } from './jmeter-stats.ts';
import { isTransactionMessage, parseCount, parseTimeStamp } from './jtl-samples.ts';
import { MAX_LISTED_PROBLEMS, type JmeterResult, type LineProblem } from './types.ts';

/** JMeter's default columns, in the order it writes them (jmeter.properties, 5.x). */
export const DEFAULT_COLUMNS = [
  'timeStamp', 'elapsed', 'label', 'responseCode', 'responseMessage', 'threadName', 'dataType', 'success', 'failureMessage',
  'bytes', 'sentBytes', 'grpThreads', 'allThreads', 'URL', 'Latency', 'IdleTime', 'Connect',
] as const;

/** Every column name JMeter's CSV writer can put in a header (CSVSaveService). */
const KNOWN_COLUMNS = [
  ...DEFAULT_COLUMNS, 'Filename', 'Encoding', 'SampleCount', 'ErrorCount', 'Hostname',
];
const KNOWN = new Map(KNOWN_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** Without these, a file says nothing this import can count. */
const REQUIRED = ['elapsed', 'label'] as const;

/** A file this import cannot read at all (no usable column, not JUnit): refused, nothing written. */
export class UnusableFileError extends Error {}

type Column = (typeof KNOWN_COLUMNS)[number];

export class JtlCsvReader {
  private readonly records: CsvRecords;
  private columns: (Column | null)[] | null = null;
  private names: string[] = [];
  private index = new Map<Column, number>();
  private readonly stats = new JmeterStatistics();
  private malformed = 0;
  private readonly problems: LineProblem[] = [];
  rows = 0;

  constructor() {
    this.records = new CsvRecords((record) => this.record(record));
  }

  push(chunk: string): void {
    this.records.push(chunk);
  }

  result(): JmeterResult {
    this.records.end();
    if (!this.columns) throw new UnusableFileError('The file has no lines.');
    return this.stats.result('csv', this.names, this.malformed, this.problems);
  }

  private problem(line: number, message: string): void {
    this.malformed++;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ line, message });
  }

  private record(record: CsvRecord): void {
    if (!this.columns && this.columnsFrom(record)) return;
    this.rows++;
    this.sample(record);
  }

  /** The header, or JMeter's default order when the first record's values fit it. */
  private columnsFrom(record: CsvRecord): boolean {
    const cells = record.fields.map((f) => f.trim());
    const isHeader = cells.some((c) => KNOWN.has(c.toLowerCase()));
    if (isHeader) {
      this.names = cells;
      this.columns = cells.map((c) => KNOWN.get(c.toLowerCase()) ?? null);
      const missing = REQUIRED.filter((r) => !this.columns!.includes(r));
      if (missing.length > 0) {
        throw new UnusableFileError(`No usable columns: a JMeter results file needs ${REQUIRED.join(' and ')}; this one has ${cells.join(', ')}.`);
      }
    } else {
      const fitsDefault =
        cells.length >= 8 && parseTimeStamp(cells[0]!) !== null && parseCount(cells[1]!) !== null && /^(true|false)$/i.test(cells[7]!);
      if (!fitsDefault) {
        const shown = cells.map((c) => (c.length > 30 ? `${c.slice(0, 30)}…` : c));
        throw new UnusableFileError(
          `No usable columns: a JMeter results file needs a header with ${REQUIRED.join(' and ')}, or no header and JMeter's default column order (${DEFAULT_COLUMNS.slice(0, 3).join(', ')}, …); this one has ${shown.join(', ')}.`,
        );
      }
      const columns: Column[] = DEFAULT_COLUMNS.slice(0, cells.length);
      this.columns = columns;
      this.names = [...columns];
    }
    this.index = new Map(this.columns.flatMap((c, i) => (c === null ? [] : [[c, i] as const])));
    return isHeader;
  }

  private sample(record: CsvRecord): void {
    const f = record.fields;
    if (record.broken) return this.problem(record.line, 'A quoted field is not closed, or text follows its closing quote.');
    if (f.length !== this.columns!.length) return this.problem(record.line, `${f.length} fields where the header has ${this.columns!.length}.`);
    const get = (c: Column): string | undefined => {
      const i = this.index.get(c);
      return i === undefined ? undefined : f[i];
    };
    const elapsed = parseCount(get('elapsed')!);
    if (elapsed === null) return this.problem(record.line, `elapsed is not a number of milliseconds: ${get('elapsed')}`);
    const stampText = get('timeStamp');
    const timeStamp = stampText === undefined ? null : parseTimeStamp(stampText);
    if (stampText !== undefined && timeStamp === null) return this.problem(record.line, `timeStamp is not a time: ${stampText}`);
    const successText = get('success');
    if (successText !== undefined && !/^(true|false)$/i.test(successText.trim())) return this.problem(record.line, `success is neither true nor false: ${successText}`);
    const success = successText === undefined ? true : successText.trim().toLowerCase() === 'true';
    const number = (c: Column): number | null => {
      const text = get(c);
      return text === undefined ? null : parseCount(text);
    };
    const count = number('SampleCount') ?? 1;
    this.stats.add({
      label: get('label')!,
      elapsed,
      timeStamp,
      success,
      bytes: number('bytes'),
      sentBytes: number('sentBytes'),
      transaction: isTransactionMessage(get('responseMessage') ?? ''),
      count,
      errorCount: number('ErrorCount') ?? (success ? 0 : count),
    });
  }
}
