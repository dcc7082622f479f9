// `npm run bench` (JMeter import): a JTL file of one million samples (about 150 MB, generated in a
// temporary folder) imported through the API from its path, against reading the same file and
// splitting its lines alone, in the same run. Time, samples per second and peak RSS.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import { newId } from '../../electron/core/ids.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { ImportedResults } from '../../shared/test-results/types.ts';

const SAMPLES = 1_000_000;
const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';
const LABELS = ['Login', 'Inbox', 'Open mail', 'Search', 'Compose', 'Send', 'Calendar', 'Contacts', 'Logout', 'Transaction'];

async function writeJtl(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  let batch: string[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const label = LABELS[i % LABELS.length]!;
    const elapsed = Math.round(20 + Math.exp(random() * 8));
    const ok = random() > 0.01;
    const message = ok ? 'OK' : '"Internal Server Error, retry"';
    batch.push(
      `${1_700_000_000_000 + Math.floor(i * 3.6)},${elapsed},${label},${ok ? 200 : 500},${message},Mail users 1-${i % 200},text,${ok},,${1000 + (i % 5000)},${300 + (i % 50)},200,200,https://webmail.example.com/appsuite/api/${label.toLowerCase()},${Math.round(elapsed * 0.8)},0,${i % 7}`,
    );
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.length ? `${batch.join('\n')}\n` : '');
  await once(out, 'finish');
}

/** Reading and splitting lines only: the floor any import of this file stands on. */
async function splitLines(path: string): Promise<number> {
  let lines = 0;
  let pending = '';
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const parts = (pending + decoder.decode(chunk, { stream: true })).split('\n');
    pending = parts.pop()!;
    lines += parts.length;
  }
  return lines + (pending ? 1 : 0);
}

/** The highest RSS while `work` runs, sampled every 20 ms (the process's own peak includes generating the file). */
async function peakRss<T>(work: () => Promise<T>): Promise<[T, string]> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    return [result, `${(Math.max(peak, process.memoryUsage.rss()) / 1e6).toFixed(0)} MB`];
  } finally {
    clearInterval(timer);
  }
}

export async function jtlImportBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-jtl-'));
  try {
    const file = join(dir, 'results.jtl');
    await writeJtl(file);
    const mb = statSync(file).size / 1e6;
    const lines: string[] = [];
    const rssBefore = `${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB`;

    let start = performance.now();
    const [split, rssSplit] = await peakRss(() => splitLines(file));
    const splitMs = performance.now() - start;

    const core = openCore({ dataDir: join(dir, 'data'), appVersion: '0.0.0-bench' });
    const customer = core.call('customers.create', { name: 'Bench' }) as Customer;
    const projectId = (core.call('projects.create', { customerId: customer.id, name: 'Load test' }) as ProjectDetail).project.id;
    const runId = newId();
    core.store.apply(Object.entries({ projectId, name: 'Load test run' }).map(([field, value]) => ({ entity: 'testRun', id: runId, field, value })));
    start = performance.now();
    const [imported, rssImport] = await peakRss(async () => (await core.call('testResults.import', { projectId, runId, fileName: 'results.jtl', path: file })) as ImportedResults);
    const importMs = performance.now() - start;
    core.close();
    if (imported.kind !== 'jmeter') throw new Error('expected JMeter results');

    const rate = (ms: number) => `${Math.round(SAMPLES / (ms / 1000)).toLocaleString('en')} samples/s`;
    lines.push(`   file: ${SAMPLES.toLocaleString('en')} samples, ${mb.toFixed(0)} MB; RSS before: ${rssBefore}`);
    lines.push(`   read and split lines only: ${(splitMs / 1000).toFixed(2)} s (${rate(splitMs)}, ${split.toLocaleString('en')} lines); peak RSS ${rssSplit}`);
    lines.push(`   testResults.import (stream, statistics, one transaction): ${(importMs / 1000).toFixed(2)} s (${rate(importMs)}); peak RSS ${rssImport}`);
    lines.push(`   ratio import / split: ${(importMs / splitMs).toFixed(1)}x; ${imported.labels.length} labels, p95 ${imported.total.p95} ms, ${imported.malformed} malformed`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
