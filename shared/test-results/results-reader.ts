// A results file of any kind this import reads, from text arriving in pieces: XML (JMeter or
// JUnit, see results-xml.ts) when it starts with "<", JMeter's CSV otherwise.
import { JtlCsvReader } from './jtl-csv.ts';
import { ResultsXmlReader } from './results-xml.ts';
import type { ParsedResults } from './types.ts';

export class ResultsReader {
  private reader: JtlCsvReader | ResultsXmlReader | null = null;
  private head = '';

  /** Samples read so far (JMeter); the progress an import reports. */
  get rows(): number {
    return this.reader?.rows ?? 0;
  }

  push(chunk: string): void {
    if (this.reader) return this.reader.push(chunk);
    // The kind shows in the first character that is not a byte order mark or white space.
    this.head += chunk;
    const start = this.head.replace(/^\uFEFF/, '').trimStart();
    if (start === '') return;
    this.reader = start.startsWith('<') ? new ResultsXmlReader() : new JtlCsvReader();
    this.reader.push(this.head.replace(/^\uFEFF/, ''));
    this.head = '';
  }

  result(): ParsedResults {
    if (!this.reader) this.reader = new JtlCsvReader();
    return this.reader.result();
  }
}
