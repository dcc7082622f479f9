// XML results read as a stream with saxes: JMeter's XML JTL (<testResults> with <httpSample> and
// <sample> elements, nested for transactions and sub-results) or JUnit XML (<testsuites> or
// <testsuite>, suites nested in suites as some runners write them). The root element decides.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { JmeterStatistics } from './jmeter-stats.ts';
import { UnusableFileError } from './jtl-csv.ts';
import { isTransactionMessage, parseCount } from './jtl-samples.ts';
import { MAX_CASE_DETAIL, type CaseStatus, type JunitCase, type ParsedResults } from './types.ts';

const SAMPLE_TAGS = new Set(['httpSample', 'sample']);

interface OpenSample {
  attributes: Record<string, string>;
  hasChildren: boolean;
}

/** JUnit's `time`: seconds, with a decimal point or comma, sometimes with thousands separators. */
export function parseSeconds(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  let t = text.trim();
  t = t.includes('.') ? t.replaceAll(',', '') : t.replace(',', '.');
  const s = Number(t);
  return Number.isFinite(s) && s >= 0 ? Math.round(s * 1000) : null;
}

interface Handler {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
  result(): ParsedResults;
}

class JtlXml implements Handler {
  private readonly stack: OpenSample[] = [];
  private readonly stats = new JmeterStatistics();
  private readonly attributes = new Set<string>();
  samples = 0;

  open(tag: SaxesTagPlain): void {
    if (!SAMPLE_TAGS.has(tag.name)) return;
    const parent = this.stack.at(-1);
    if (parent) parent.hasChildren = true;
    this.stack.push({ attributes: tag.attributes, hasChildren: false });
  }

  close(tag: SaxesTagPlain): void {
    if (!SAMPLE_TAGS.has(tag.name)) return;
    const { attributes: a, hasChildren } = this.stack.pop()!;
    for (const name of Object.keys(a)) this.attributes.add(name);
    const elapsed = parseCount(a.t ?? '') ?? 0;
    const timeStamp = parseCount(a.ts ?? '');
    const success = (a.s ?? 'true').toLowerCase() === 'true';
    const count = parseCount(a.sc ?? '') ?? 1;
    this.samples++;
    this.stats.add({
      label: a.lb ?? '',
      elapsed,
      timeStamp,
      success,
      bytes: parseCount(a.by ?? ''),
      sentBytes: parseCount(a.sby ?? ''),
      transaction: hasChildren || isTransactionMessage(a.rm ?? ''),
      count,
      errorCount: parseCount(a.ec ?? '') ?? (success ? 0 : count),
    });
  }

  text(): void {}

  result(): ParsedResults {
    return this.stats.result('xml', [...this.attributes].sort(), 0, []);
  }
}

class Junit implements Handler {
  private readonly suites: string[] = [];
  private readonly cases: JunitCase[] = [];
  private current: JunitCase | null = null;
  /** Inside <failure>, <error> or <skipped> of the current case: its text is the detail. */
  private outcome = false;

  open(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    if (tag.name === 'testsuite') this.suites.push(a.name ?? '');
    else if (tag.name === 'testcase') {
      this.current = {
        suite: this.suites.filter((s) => s !== '').join(' › '),
        className: a.classname ?? a.class ?? '',
        name: a.name ?? '',
        status: 'passed',
        message: '',
        detail: '',
        durationMs: parseSeconds(a.time),
      };
    } else if (this.current && (tag.name === 'failure' || tag.name === 'error' || tag.name === 'skipped')) {
      // A case with more than one (pytest writes an error and a failure for a broken teardown) takes the worst.
      const status: CaseStatus = tag.name === 'skipped' ? 'skipped' : tag.name === 'failure' ? 'failed' : 'error';
      if (this.current.status === 'passed' || this.current.status === 'skipped') {
        this.current.status = status;
        this.current.message = (a.message ?? '').slice(0, 2000);
        this.current.detail = '';
      }
      this.outcome = true;
    }
  }

  close(tag: SaxesTagPlain): void {
    if (tag.name === 'testsuite') this.suites.pop();
    else if (tag.name === 'testcase' && this.current) {
      const c = this.current;
      if (c.message === '' && c.detail !== '') c.message = c.detail.trim().split('\n')[0]!.slice(0, 2000);
      this.cases.push(c);
      this.current = null;
    } else if (tag.name === 'failure' || tag.name === 'error' || tag.name === 'skipped') this.outcome = false;
  }

  text(text: string): void {
    if (this.outcome && this.current && this.current.detail.length < MAX_CASE_DETAIL) {
      this.current.detail = (this.current.detail + text).slice(0, MAX_CASE_DETAIL);
    }
  }

  result(): ParsedResults {
    return { kind: 'junit', cases: this.cases };
  }
}

/** A broken XML file: where and why, as saxes says it. */
export class BrokenXmlError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`The XML is broken at line ${line}: ${message}`);
    this.line = line;
  }
}

export class ResultsXmlReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private handler: Handler | null = null;

  constructor() {
    this.parser.on('error', (error) => {
      throw new BrokenXmlError(this.parser.line, error.message.replace(/^[^:]*:\d+:\d+: /, ''));
    });
    this.parser.on('opentag', (tag) => {
      if (!this.handler) this.handler = handlerFor(tag.name);
      this.handler.open(tag);
    });
    this.parser.on('closetag', (tag) => this.handler?.close(tag));
    this.parser.on('text', (text) => this.handler?.text(text));
    this.parser.on('cdata', (text) => this.handler?.text(text));
  }

  /** Samples (JMeter) or cases (JUnit) read so far. */
  get rows(): number {
    return this.handler instanceof JtlXml ? this.handler.samples : 0;
  }

  push(chunk: string): void {
    this.parser.write(chunk);
  }

  result(): ParsedResults {
    this.parser.close();
    if (!this.handler) throw new UnusableFileError('The XML file has no elements.');
    return this.handler.result();
  }
}

function handlerFor(root: string): Handler {
  if (root === 'testResults') return new JtlXml();
  if (root === 'testsuites' || root === 'testsuite') return new Junit();
  throw new UnusableFileError(`Not JUnit XML nor a JMeter results file: the root element is <${root}>, not <testsuites>, <testsuite> or <testResults>.`);
}
