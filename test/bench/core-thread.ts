// `npm run bench` (fifth part): how long a small read takes while a 100-page export runs. The web
// host is started as a user starts it (`node electron/host/web.ts`), its core on a thread of its
// own; the read is projects.get over HTTP, the call behind a click on a project. Median and worst
// of the read with nothing running, and while the checklist of 1,500 items (about 100 pages) is
// exported as PDF and DOCX, three times. Target: worst under 50 ms while exporting. For
// comparison, in this run: the read while another process (nothing of Fieldbook) keeps one CPU busy
// for as long as an export takes, which shows what the machine's scheduling alone costs (an export
// keeps a CPU busy too, on the render thread); and the same with the core on the host's own thread,
// as before it had one (an in-process core behind the same HTTP host).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import { startHttpHost } from '../../electron/host/http-host.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import { LONG_CHECKLIST_ITEMS, longExport, seedLongChecklist } from '../support/long-checklist.ts';
import { startWebHost, stopWebHost } from '../support/web-host.ts';

const EXPORTS = 3;
const IDLE_READS = 100;

const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)]!;
const median = (values: number[]): number => quantile(values, 0.5);
const stats = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms, 99th percentile ${quantile(values, 0.99).toFixed(1)} ms, worst ${Math.max(...values).toFixed(1)} ms (n = ${values.length})`;

interface Api {
  call(method: string, input: unknown): Promise<unknown>;
}

function httpApi(base: string, token: string): Api {
  return {
    async call(method, input) {
      const response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { result?: unknown; error?: unknown };
      if (!response.ok) throw new Error(JSON.stringify(body.error));
      return body.result;
    },
  };
}

async function timedRead(api: Api, projectId: string): Promise<number> {
  const start = performance.now();
  await api.call('projects.get', { id: projectId });
  return performance.now() - start;
}

interface Figures {
  idle: number[];
  during: number[];
  exportMs: number[];
  pages: number;
}

/** Reads one after the other with nothing running, then for as long as each export runs. */
async function measure(api: Api, projectId: string): Promise<Figures> {
  for (let i = 0; i < 10; i++) await timedRead(api, projectId); // warm-up
  const idle: number[] = [];
  for (let i = 0; i < IDLE_READS; i++) idle.push(await timedRead(api, projectId));
  const during: number[] = [];
  const exportMs: number[] = [];
  let pages = 0;
  for (let i = 0; i < EXPORTS; i++) {
    let finished = false;
    const start = performance.now();
    const exporting = api.call('documents.export', longExport(projectId, ['pdf', 'docx'])).then((result) => {
      finished = true;
      exportMs.push(performance.now() - start);
      return result as ExportResult;
    });
    while (!finished) {
      const ms = await timedRead(api, projectId);
      if (!finished) during.push(ms);
    }
    const pdf = Buffer.from((await exporting).files.find((f) => f.format === 'pdf')!.base64, 'base64');
    pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  }
  return { idle, during, exportMs, pages };
}

/** Reads for as long as another process keeps one CPU busy for `ms`. */
async function besideBusyProcess(api: Api, projectId: string, ms: number): Promise<number[]> {
  const busy = spawn(process.execPath, ['-e', `const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end);`]);
  const exited = once(busy, 'exit');
  let finished = false;
  void exited.then(() => (finished = true));
  const reads: number[] = [];
  while (!finished) {
    const read = await timedRead(api, projectId);
    if (!finished) reads.push(read);
  }
  return reads;
}

const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-thread-'));
try {
  const seeding = openCore({ dataDir, appVersion: 'bench' });
  const projectId = await seedLongChecklist((method, input) => seeding.call(method, input));
  seeding.close();

  const host = await startWebHost(dataDir);
  let threaded: Figures;
  const busy: number[] = [];
  try {
    const url = new URL(host.url);
    const api = httpApi(url.origin, url.searchParams.get('token')!);
    threaded = await measure(api, projectId);
    for (let i = 0; i < EXPORTS; i++) busy.push(...(await besideBusyProcess(api, projectId, median(threaded.exportMs))));
  } finally {
    await stopWebHost(host);
  }

  // As before: the core on the thread that also answers the requests.
  const core = openCore({ dataDir, appVersion: 'bench' });
  const inProcess = await startHttpHost({ core: { call: (method, input) => new Promise((resolve) => resolve(core.call(method, input))) }, staticDir: dataDir });
  let onHostThread: Figures;
  try {
    onHostThread = await measure(httpApi(`http://127.0.0.1:${inProcess.port}`, inProcess.token), projectId);
  } finally {
    await inProcess.close();
    core.close();
  }

  console.log(`\nA small read (projects.get over HTTP) while the checklist of ${LONG_CHECKLIST_ITEMS.toLocaleString('en')} items is exported as PDF and DOCX (${threaded.pages} pages), ${EXPORTS} times:`);
  console.log(`   web host, core on its own thread, nothing running:   ${stats(threaded.idle)}`);
  console.log(`   web host, core on its own thread, during the export: ${stats(threaded.during)}   (target: worst < 50 ms)`);
  console.log(`   the export itself:                                    median ${median(threaded.exportMs).toFixed(0)} ms`);
  console.log(`   baseline, beside another process keeping a CPU busy:  ${stats(busy)}`);
  console.log(`   baseline, core on the host's thread, nothing running:   ${stats(onHostThread.idle)}`);
  console.log(`   baseline, core on the host's thread, during the export: ${stats(onHostThread.during)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
