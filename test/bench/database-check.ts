// `npm run bench` (sixth part): the check of the database at start, and the automatic backup, on a
// database of about 1 GB (a change log of some 3.6 million field changes and the activities they
// made, written as raw rows into the app's schema).
//   1. PRAGMA quick_check over the file as the app runs it (db/check.ts), three times: the file
//      in the page cache, as after any recent use. Where the benchmark runs as root on Linux, once
//      more with the page cache dropped first, as at the first start after a reboot.
//   2. The core on its thread, as every host runs it: how long until the check (on a thread of
//      its own) is done, reads meanwhile, and when a change sent at once is answered (it waits).
//   3. The online backup made after the clean check (db.backup, a few hundred pages a step): its
//      time, and the longest the core's thread was held up by one step.
import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCore } from '../../electron/core/core.ts';
import { quickCheck } from '../../electron/core/db/check.ts';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import { startCore } from '../../electron/core/worker/client.ts';
import type { AppInfo } from '../../shared/domain.ts';

const TARGET_BYTES = 1024 ** 3;
const ROWS_PER_BATCH = 100_000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The app's schema, then raw rows until the file passes TARGET_BYTES. */
function buildDatabase(dir: string): { rows: number; ms: number } {
  const core = openCore({ dataDir: dir, appVersion: 'bench' });
  core.call('customers.create', { name: 'Bench' });
  core.close();
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const change = db.prepare('INSERT INTO change_log (stamp, device_id, entity, row_id, field, value, schema_version) VALUES (?, ?, ?, ?, ?, ?, 1)');
  const activity = db.prepare("INSERT INTO activity (id, project_id, title, note) VALUES (?, '', ?, ?)");
  let rows = 0;
  const batch = db.transaction(() => {
    for (let i = 0; i < ROWS_PER_BATCH; i++, rows++) {
      const id = `0199${String(rows).padStart(12, '0')}-bench-activity`;
      const note = `Note ${rows}: agreed with the customer in the weekly status call, owner on the customer side.`;
      change.run(`${String(rows).padStart(13, '0')}-0000-bench-device`, 'bench-device-0001', 'activity', id, 'note', JSON.stringify(note));
      if (rows % 10 === 0) activity.run(id, `Activity ${rows}`, note);
    }
  });
  const ms = time(() => {
    // Foreign keys off: the activities belong to no project, which the check does not mind.
    db.pragma('foreign_keys = OFF');
    while (statSync(db.name).size < TARGET_BYTES) {
      batch();
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  });
  db.close();
  return { rows, ms };
}

/** The baseline: reading every byte of the file once, in 1 MB pieces, as the check must at least. */
function readWhole(file: string): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1024 ** 2);
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/** Drops Linux's page cache (root only), so that the next read comes from the disk; false where it cannot. */
function dropPageCache(): boolean {
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-check-'));
try {
  console.log(`Database check and backup benchmark (Node ${process.version})\n`);
  const built = buildDatabase(dir);
  const file = join(dir, DATABASE_FILE);
  const size = statSync(file).size;
  console.log(`A database of ${(size / 1024 ** 3).toFixed(2)} GB: ${built.rows.toLocaleString('en')} change-log rows and their activities, written in ${seconds(built.ms)}.`);

  console.log('\n1. PRAGMA quick_check over the whole file (db/check.ts)');
  const warm: number[] = [];
  for (let run = 0; run < 3; run++) {
    let verdict = '';
    warm.push(time(() => (verdict = quickCheck(file).state)));
    if (verdict !== 'whole') throw new Error(`the check found the file ${verdict}`);
  }
  const read = median([0, 1, 2].map(() => time(() => readWhole(file))));
  console.log(`   file in the page cache: median ${seconds(median(warm))} of ${warm.map(seconds).join(', ')} (${((size / 1024 ** 2) / (median(warm) / 1000)).toFixed(0)} MB/s)`);
  console.log(`   baseline, reading the file once from the page cache: ${seconds(read)}; the check takes ${(median(warm) / read).toFixed(1)}× that`);
  if (dropPageCache()) {
    const cold = time(() => quickCheck(file));
    dropPageCache();
    const coldRead = time(() => readWhole(file));
    console.log(`   page cache dropped first (read from the disk): ${seconds(cold)}; reading the file from the disk: ${seconds(coldRead)} (${(cold / coldRead).toFixed(1)}×)`);
  } else console.log('   page cache dropped first: not measured (needs root on Linux)');

  console.log('\n2. The core on its thread (startCore), as every host runs it, the check on a thread of its own');
  {
    const started = performance.now();
    const core = await startCore({ dataDir: dir, appVersion: 'bench' });
    const ready = performance.now() - started;
    const reads: number[] = [];
    while (((await core.call('app.info', {})) as AppInfo).checking) {
      const start = performance.now();
      await core.call('customers.list', {});
      reads.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
    const checked = performance.now() - started;
    await core.close();
    console.log(`   ready after ${seconds(ready)}, the check done ${seconds(checked)} after the start`);
    console.log(`   reads meanwhile: median ${median(reads).toFixed(1)} ms, worst ${Math.max(...reads).toFixed(1)} ms (n = ${reads.length})`);
  }
  {
    const started = performance.now();
    const core = await startCore({ dataDir: dir, appVersion: 'bench' });
    await core.call('customers.create', { name: 'Sent at once' });
    const changed = performance.now() - started;
    await core.close();
    console.log(`   a change sent as soon as the core is ready: answered ${seconds(changed)} after the start (it waits for the check)`);
  }

  console.log('\n3. The automatic backup after the clean check (online backup, in steps between calls)');
  rmSync(join(dir, 'backups'), { recursive: true, force: true });
  const inProcess = openCore({ dataDir: dir, appVersion: 'bench' });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const backupStart = performance.now();
  await inProcess.store.backup;
  const backupMs = performance.now() - backupStart;
  delay.disable();
  inProcess.close();
  console.log(`   ${seconds(backupMs)} for the copy; the longest the core's thread was held up by one step: ${(delay.max / 1e6).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
