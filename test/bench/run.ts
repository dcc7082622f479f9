// `npm run bench`: performance figures for the foundation, printed, never asserted.
//   1. 100k field changes through the write path against raw better-sqlite3 inserts of the same
//      rows, in the same run (target: the write path at >= 25 % of the raw rate).
//   2. The project list over 1,000 projects and 50k activities (target: median under 20 ms).
//   3. One checklist item's history in a change log of 1M rows without the change log's row
//      index and with it, in the same run (target: median under 5 ms with it).
//   4. The budget overview over 50,000 time entries on 20 SOWs, against a bare SQL sum of the
//      same rows in the same run (target: median under 30 ms).
//   5. A JMeter JTL import of one million samples against reading and splitting its lines alone
//      (test/bench/jtl-import.ts): time, samples per second, peak RSS.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core.ts';
import { newId } from '../../electron/core/ids.ts';
import type { FieldChange } from '../../electron/core/write-path.ts';
import { budgetBench } from './budget.ts';
import { jtlImportBench } from './jtl-import.ts';

const CHANGES = 100_000;
const FIELDS_PER_ROW = 10;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
}

/** 10k activities x 10 fields = 100k field changes, as a consultant's edits would produce. */
function activityChanges(projectId: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (let row = 0; changes.length < CHANGES; row++) {
    const id = newId();
    const values: Record<string, string | number | boolean | null> = {
      projectId,
      phase: 'implementation',
      templateKey: null,
      parentKey: null,
      title: `Activity ${row}`,
      position: row,
      status: row % 3 === 0 ? 'done' : 'open',
      date: '2026-11-24',
      note: `Note for activity ${row}: agreed with the customer in the weekly status call.`,
      deleted: false,
    };
    for (const [field, value] of Object.entries(values)) changes.push({ entity: 'activity', id, field, value });
  }
  return changes;
}

function writePathRun(batchSize: number): number {
  const dir = tempFolder();
  const core = openCore({ dataDir: dir, appVersion: 'bench' });
  const customerId = newId();
  const projectId = newId();
  core.store.apply([
    { entity: 'customer', id: customerId, field: 'name', value: 'Bench' },
    { entity: 'project', id: projectId, field: 'customerId', value: customerId },
  ]);
  const changes = activityChanges(projectId);
  const ms = time(() => {
    for (let i = 0; i < changes.length; i += batchSize) core.store.apply(changes.slice(i, i + batchSize));
  });
  core.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** The same database settings as the app (WAL, synchronous NORMAL), plain prepared inserts. */
function rawDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

function rawChangeRowsRun(): number {
  const dir = tempFolder();
  const db = rawDatabase(dir);
  db.exec('CREATE TABLE change_row (entity TEXT, row_id TEXT, field TEXT, value TEXT) STRICT');
  const changes = activityChanges(newId());
  const insert = db.prepare('INSERT INTO change_row VALUES (?, ?, ?, ?)');
  const ms = time(() => db.transaction(() => {
    for (const c of changes) insert.run(c.entity, c.id, c.field, JSON.stringify(c.value));
  })());
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

function rawEntityRowsRun(): number {
  const dir = tempFolder();
  const db = rawDatabase(dir);
  db.exec(`CREATE TABLE activity (id TEXT PRIMARY KEY, project_id TEXT, phase TEXT, template_key TEXT, parent_key TEXT, title TEXT,
           position INTEGER, status TEXT, date TEXT, note TEXT, deleted INTEGER) STRICT`);
  const changes = activityChanges(newId());
  const insert = db.prepare('INSERT INTO activity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const ms = time(() => db.transaction(() => {
    for (let i = 0; i < changes.length; i += FIELDS_PER_ROW) {
      const row = changes.slice(i, i + FIELDS_PER_ROW).map((c) => (typeof c.value === 'boolean' ? Number(c.value) : c.value));
      insert.run(changes[i]!.id, ...row);
    }
  })());
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

function projectListBench(): { median: number; p95: number; searchMedian: number; projects: number; activities: number } {
  const dir = tempFolder();
  const core = openCore({ dataDir: dir, appVersion: 'bench' });
  const customers = Array.from({ length: 100 }, (_, i) => {
    const id = newId();
    core.store.apply([{ entity: 'customer', id, field: 'name', value: `Customer ${i}` }]);
    return id;
  });
  const statuses = ['open', 'in_progress', 'done', 'not_needed'];
  for (let p = 0; p < 1_000; p++) {
    const projectId = newId();
    const changes: FieldChange[] = [
      { entity: 'project', id: projectId, field: 'customerId', value: customers[p % customers.length]! },
      { entity: 'project', id: projectId, field: 'name', value: `Project ${p}` },
      { entity: 'project', id: projectId, field: 'phase', value: ['initialization', 'concept', 'implementation', 'approval'][p % 4]! },
    ];
    for (let a = 0; a < 50; a++) {
      const id = newId();
      changes.push(
        { entity: 'activity', id, field: 'projectId', value: projectId },
        { entity: 'activity', id, field: 'title', value: `Activity ${a}` },
        { entity: 'activity', id, field: 'position', value: a },
        { entity: 'activity', id, field: 'status', value: statuses[(a + p) % 4]! },
      );
    }
    core.store.apply(changes);
  }
  const look = new Database(core.store.file, { readonly: true });
  const counts = look.prepare('SELECT (SELECT count(*) FROM project) AS projects, (SELECT count(*) FROM activity) AS activities').get() as {
    projects: number;
    activities: number;
  };
  look.close();
  for (let i = 0; i < 5; i++) core.call('projects.list', {}); // warm the page cache and statement
  const times = Array.from({ length: 51 }, () => time(() => core.call('projects.list', {})));
  const searchTimes = Array.from({ length: 51 }, () => time(() => core.call('projects.list', { search: 'customer 4', phase: 'concept' })));
  core.close();
  rmSync(dir, { recursive: true, force: true });
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.floor(sorted.length * 0.95)]!, searchMedian: median(searchTimes), ...counts };
}

const LOG_ROWS = 1_000_000;
const LOGGED_ROWS = 20_000; // 50 changes each, interleaved as edits over months would be

/** The query of a checklist item's history (historyOf in electron/core/api/checklist.ts). */
const HISTORY_QUERY = `SELECT c.stamp, c.device_id, c.field, c.value, d.user_name, d.host_name, d.person_name
                         FROM change_log c LEFT JOIN device d ON d.id = c.device_id
                        WHERE c.entity = 'requirement' AND c.row_id = ? ORDER BY c.stamp`;

/**
 * Fills the change log with one INSERT ... SELECT in one transaction: a million rows through the
 * write path would take most of the run and measure the write path again, not the query.
 */
function fillChangeLog(db: Database.Database, deviceId: string): void {
  db.transaction(() =>
    db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${LOG_ROWS - 1})
         INSERT INTO change_log (stamp, device_id, entity, row_id, field, value, schema_version)
         SELECT printf('%015d-%010d-%s', 1780000000000 + i / 10, i % 10, @device),
                @device,
                CASE i % ${LOGGED_ROWS} % 4 WHEN 0 THEN 'requirement' WHEN 1 THEN 'activity' WHEN 2 THEN 'answer' ELSE 'meeting' END,
                printf('019a0000-0000-7000-8000-%012d', i % ${LOGGED_ROWS}),
                CASE i % 3 WHEN 0 THEN 'status' WHEN 1 THEN 'title' ELSE 'dueDate' END,
                json_quote('value ' || i),
                1
           FROM n`,
      )
      .run({ device: deviceId }),
  )();
}

function historyBench(): { fill: number; build: number; withIndex: number; withoutIndex: number; entries: number } {
  const dir = tempFolder();
  const core = openCore({ dataDir: dir, appVersion: 'bench' });
  // The core makes its database when a call first needs it; the benchmark's own connection needs it now.
  core.store.open();
  // Filled around the write path on purpose (a million rows through it would take minutes): a
  // connection of the benchmark's own to the same file.
  const db = new Database(core.store.file);
  // The log is filled and queried without the index first, then the index is built as the
  // migration defines it: timed too, as that is what the upgrade costs on a long history.
  const { sql: createIndex } = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'change_log_field'").get() as { sql: string };
  db.exec('DROP INDEX change_log_field');
  const fill = time(() => fillChangeLog(db, core.store.deviceId));
  const item = '019a0000-0000-7000-8000-000000000000';
  const measure = (calls: number): { median: number; entries: number } => {
    const query = db.prepare(HISTORY_QUERY);
    for (let i = 0; i < 3; i++) query.all(item); // warm the page cache and statement
    return { median: median(Array.from({ length: calls }, () => time(() => query.all(item)))), entries: query.all(item).length };
  };
  const scanned = measure(11); // each call reads the whole log: fewer calls keep the run short
  const build = time(() => db.exec(createIndex));
  const indexed = measure(51);
  db.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
  if (scanned.entries !== indexed.entries) throw new Error(`history differs with the index: ${indexed.entries} vs ${scanned.entries} entries`);
  return { fill, build, withIndex: indexed.median, withoutIndex: scanned.median, entries: indexed.entries };
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
const rate = (ms: number): string => `${Math.round(CHANGES / (ms / 1000)).toLocaleString('en')} changes/s`;

console.log(`Fieldbook foundation benchmark (Node ${process.version}, median of ${RUNS} runs)\n`);

const rawRows = median(Array.from({ length: RUNS }, rawChangeRowsRun));
const rawEntities = median(Array.from({ length: RUNS }, rawEntityRowsRun));
const oneBatch = median(Array.from({ length: RUNS }, () => writePathRun(CHANGES)));
const smallBatches = median(Array.from({ length: RUNS }, () => writePathRun(1_000)));

console.log(`1. ${CHANGES.toLocaleString('en')} field changes (10k activities x 10 fields)`);
console.log(`   raw inserts of the 100k change rows, one transaction:   ${fmt(rawRows)}  (${rate(rawRows)})`);
console.log(`   write path, one batch (rows + change log + clock):      ${fmt(oneBatch)}  (${rate(oneBatch)})`);
console.log(`   write path, batches of 1,000 changes:                   ${fmt(smallBatches)}  (${rate(smallBatches)})`);
console.log(`   ratio write path / raw rate: ${((rawRows / oneBatch) * 100).toFixed(0)} % (one batch), ${((rawRows / smallBatches) * 100).toFixed(0)} % (batches of 1,000); target >= 25 %`);
console.log(`   for reference, raw inserts of the 10k finished activity rows: ${fmt(rawEntities)}`);

const list = projectListBench();
console.log(`\n2. projects.list over ${list.projects.toLocaleString('en')} projects and ${list.activities.toLocaleString('en')} activities (51 calls)`);
console.log(`   median ${fmt(list.median)}, p95 ${fmt(list.p95)}; with search + phase filter: median ${fmt(list.searchMedian)}; target median < 20 ms`);

const history = historyBench();
console.log(`\n3. one checklist item's history (${history.entries} changes) in a change log of ${LOG_ROWS.toLocaleString('en')} rows (filled in ${fmt(history.fill)})`);
console.log(`   without an index: median ${fmt(history.withoutIndex)} (11 calls)`);
console.log(`   with the index on (entity, row_id, field, stamp), built in ${fmt(history.build)}: median ${history.withIndex.toFixed(3)} ms (51 calls); target < 5 ms`);
console.log(`   ratio: ${Math.round(history.withoutIndex / history.withIndex).toLocaleString('en')}x faster with the index`);

const budget = budgetBench();
console.log(`\n4. budget.get over ${budget.entries.toLocaleString('en')} time entries on 20 SOWs (51 calls; entries written through the write path in ${fmt(budget.fill)})`);
console.log(`   median ${fmt(budget.budget.median)}, worst ${fmt(budget.budget.worst)}; target median < 30 ms`);
console.log(`   bare SQL sum of the same rows: median ${budget.bareSum.median.toFixed(2)} ms, worst ${budget.bareSum.worst.toFixed(2)} ms (${Math.round(budget.budget.median / budget.bareSum.median)}x: per line, per role, per day, forecast and burn chart against one number)`);

console.log('\n5. JMeter results import of one million samples, against reading and splitting the same file\'s lines');
for (const line of await jtlImportBench()) console.log(line);
