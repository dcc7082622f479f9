// Reading JMeter and JUnit files as they arrive in pieces: hand-written fixtures following the
// formats JMeter and the test runners write (test/fixtures/jmeter, test/fixtures/junit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvRecords, type CsvRecord } from '../../shared/test-results/csv-records.ts';
import { UnusableFileError } from '../../shared/test-results/jtl-csv.ts';
import { BrokenXmlError, parseSeconds } from '../../shared/test-results/results-xml.ts';
import { ResultsReader } from '../../shared/test-results/results-reader.ts';
import type { JmeterResult, JunitResult, ParsedResults } from '../../shared/test-results/types.ts';
import { summariseJunit } from '../../shared/test-results/types.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The file's text in pieces of `size` characters, as a stream hands it over. */
function read(path: string, size = 7): ParsedResults {
  const text = readFileSync(join(FIXTURES, path), 'utf8');
  const reader = new ResultsReader();
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  return reader.result();
}
const jmeter = (path: string, size?: number) => read(path, size) as JmeterResult;
const junit = (path: string) => read(path) as JunitResult;
const label = (r: JmeterResult, name: string) => r.labels.find((l) => l.label === name)!;

describe('CSV records', () => {
  it('keeps quoted separators, doubled quotes and line breaks, however the text is cut', () => {
    const text = 'a,"b,1","say ""hi""\nthere"\r\nc,d,e\n';
    for (const size of [1, 2, 3, 5, text.length]) {
      const records: CsvRecord[] = [];
      const csv = new CsvRecords((r) => records.push(r));
      for (let i = 0; i < text.length; i += size) csv.push(text.slice(i, i + size));
      csv.end();
      expect(records).toEqual([
        { line: 1, fields: ['a', 'b,1', 'say "hi"\nthere'], broken: false },
        { line: 3, fields: ['c', 'd', 'e'], broken: false },
      ]);
    }
  });

  it('marks a quote left open at the end and text after a closing quote', () => {
    const records: CsvRecord[] = [];
    const csv = new CsvRecords((r) => records.push(r));
    csv.push('x,"a"b,c\ny,"open');
    csv.end();
    expect(records.map((r) => [r.line, r.broken])).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});

describe('JMeter CSV', () => {
  it('reads the default header with a quoted failure message over two lines', () => {
    const r = jmeter('jmeter/default-header.jtl');
    expect(r.format).toBe('csv');
    expect(r.columns).toHaveLength(17);
    expect(r.malformed).toBe(0);
    expect(r.labels.map((l) => [l.label, l.samples, l.errors, l.transaction])).toEqual([
      ['Checkout', 1, 0, true],
      ['Login', 4, 1, false],
      ['Search', 10, 0, false],
    ]);
  });

  it('reads a file without header in JMeter’s default column order', () => {
    const r = jmeter('jmeter/no-header.jtl');
    expect(r.columns.slice(0, 3)).toEqual(['timeStamp', 'elapsed', 'label']);
    expect(r.labels.reduce((n, l) => n + l.samples, 0)).toBe(5);
    expect(r.malformed).toBe(0);
  });

  it('reads another column set, a tab separator, formatted time stamps and a quoted label', () => {
    const r = jmeter('jmeter/tab-formatted-time.csv', 3);
    expect(r.labels.map((l) => l.label)).toEqual(['API, v2 "search"', 'Home page']);
    const home = label(r, 'Home page');
    expect(home.samples).toBe(2);
    // From 10:00:00.000 to the second sample's end at 10:00:00.580.
    expect(home.throughput).toBeCloseTo(2 / 0.58, 9);
    expect(home.receivedKBps).toBeCloseTo(10.24 / 0.58, 9);
    expect(home.sentKBps).toBeNull();
    expect(label(r, 'API, v2 "search"').errorRate).toBe(1);
    expect(r.startedAt).toBe(Date.UTC(2024, 2, 5, 10, 0, 0));
  });

  it('counts and lists malformed lines of a truncated file by their numbers, and keeps the rest', () => {
    const r = jmeter('jmeter/truncated.jtl');
    expect(r.malformed).toBe(2);
    expect(r.problems.map((p) => p.line)).toEqual([5, 9]);
    expect(r.problems[0]!.message).toContain('3 fields where the header has 17');
    expect(label(r, 'Search').samples).toBe(6);
  });

  it('refuses a file with no usable column, naming the columns it found', () => {
    expect(() => read('jmeter/no-usable-column.csv')).toThrow(UnusableFileError);
    expect(() => read('jmeter/no-usable-column.csv')).toThrow('this one has name, value, comment');
  });

  it('refuses a file without header whose first line is not in the default order', () => {
    const reader = new ResultsReader();
    expect(() => {
      reader.push('1700000000000,abc,Login,200,OK,t,text,true\n');
      reader.result();
    }).toThrow("no header and JMeter's default column order (timeStamp, elapsed, label, …); this one has 1700000000000, abc");
  });
});

describe('JMeter XML', () => {
  it('reads httpSample and sample elements, nested samples as their own labels, the parent as a transaction', () => {
    const r = jmeter('jmeter/results.xml');
    expect(r.format).toBe('xml');
    expect(r.labels.map((l) => [l.label, l.samples, l.errors, l.transaction])).toEqual([
      ['Cart', 1, 0, false],
      ['Checkout', 1, 1, true],
      ['Login', 2, 0, false],
      ['Pay', 1, 1, false],
    ]);
    // The transaction is not counted twice: Login ×2, Cart and Pay.
    expect(r.total.samples).toBe(4);
    expect(r.total.errors).toBe(1);
    expect(label(r, 'Login').mean).toBe(200);
    expect(r.columns).toContain('lb');
  });

  it('refuses a broken file with the line where it breaks', () => {
    const reader = new ResultsReader();
    reader.push('<testResults version="1.2">\n<httpSample t="1" lb="a"/>\n<httpSample t="2" lb=');
    expect(() => reader.result()).toThrow(BrokenXmlError);
  });
});

describe('JUnit XML', () => {
  it('reads Maven Surefire: a single suite root, properties, failure with trace, skipped, a time with a comma', () => {
    const r = junit('junit/surefire.xml');
    expect(r.cases.map((c) => [c.name, c.status, c.durationMs])).toEqual([
      ['loginWithPassword', 'passed', 412],
      ['loginWithOAuth', 'failed', 301],
      ['loginWithKerberos', 'skipped', 0],
      ['capabilities', 'passed', 1021],
    ]);
    const failed = r.cases[1]!;
    expect(failed.message).toBe('expected: <OK> but was: <NO>');
    expect(failed.detail).toContain('ImapLoginTest.java:42');
    expect(failed.suite).toBe('com.example.mail.ImapLoginTest');
    expect(r.cases[2]!.message).toBe('Kerberos not configured');
  });

  it('reads pytest: failure and error with messages', () => {
    const r = junit('junit/pytest.xml');
    expect(r.cases.map((c) => c.status)).toEqual(['passed', 'failed', 'error']);
    expect(r.cases[2]!.message).toBe('failed on setup with "ConnectionError"');
    expect(summariseJunit(r.cases)).toEqual({ suites: 1, cases: 3, passed: 1, failed: 1, error: 1, skipped: 0, durationMs: 2500 });
  });

  it('reads jest-junit: a failure without message takes the first line of its text', () => {
    const r = junit('junit/jest.xml');
    expect(r.cases.map((c) => c.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(r.cases[1]!.message).toBe('Error: expect(received).toBe(expected)');
  });

  it('reads go-junit-report', () => {
    const r = junit('junit/go.xml');
    expect(r.cases.map((c) => [c.suite, c.name, c.status, c.durationMs])).toEqual([
      ['example.com/caldav', 'TestCalendarSync', 'passed', 10],
      ['example.com/caldav', 'TestCardSync', 'skipped', 11],
    ]);
  });

  it('reads suites nested in suites, counting from the cases, a case without time too', () => {
    const r = junit('junit/nested.xml');
    expect(r.cases.map((c) => [c.suite, c.name, c.status, c.durationMs])).toEqual([
      ['Mail filters › Sieve', 'vacation rule', 'passed', null],
      ['Mail filters › Sieve', 'redirect rule', 'error', 300],
      ['Mail filters', 'filter list loads', 'passed', 200],
    ]);
    expect(r.cases[1]!.message).toBe('timed out after 30 s');
  });

  it('refuses XML that is not JUnit, and a truncated file', () => {
    expect(() => read('junit/not-junit.xml')).toThrow('the root element is <html>');
    expect(() => read('junit/truncated.xml')).toThrow(BrokenXmlError);
  });

  it('reads times as runners write them', () => {
    expect([parseSeconds('1.5'), parseSeconds('1,5'), parseSeconds('1,234.5'), parseSeconds(''), parseSeconds(undefined), parseSeconds('x')]).toEqual([
      1500, 1500, 1234500, null, null, null,
    ]);
  });
});
