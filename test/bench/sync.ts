// `npm run bench` (seventh part): sync through a shared folder, with real folders.
//   1. 100k field changes made on one device, written to the share as change files (send).
//   2. Another device reads, verifies and merges them through the write path (receive).
//   3. The same files again as a sync client's conflicted copies: every change already there.
// Against the baseline of raw better-sqlite3 inserts of the same 100k rows in one transaction,
// measured in the same run (sync.md's prototype: about 0.8 s for 100k changes on a fast laptop).
//   4. A new device joining a share that holds 200k changes (80k fields, most typed over three
//      times): from a snapshot and the files after it, against replaying every file, same run.
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/core.ts';
import { newId } from '../../electron/core/ids.ts';
import type { FieldChange } from '../../electron/core/write-path.ts';
import type { SyncResult } from '../../shared/sync.ts';

const CUSTOMERS = 25_000;
/** name, address, notes, archived: four field changes per customer. */
const CHANGES = CUSTOMERS * 4;

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-sync-'));
  folders.push(dir);
  return dir;
}

function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function customerChanges(): FieldChange[] {
  const changes: FieldChange[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = newId();
    changes.push(
      { entity: 'customer', id, field: 'name', value: `Customer ${i}` },
      { entity: 'customer', id, field: 'address', value: `Hafenstraße ${i}\n20457 Hamburg` },
      { entity: 'customer', id, field: 'notes', value: `Kick-off agreed; ${i % 7} open questions on the load balancer.` },
      { entity: 'customer', id, field: 'archived', value: i % 10 === 0 },
    );
  }
  return changes;
}

/** The baseline: the same rows as raw inserts into a bare table, one transaction. */
function rawInserts(changes: readonly FieldChange[]): number {
  const db = new Database(join(folder(), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE change (stamp TEXT PRIMARY KEY, entity TEXT, row_id TEXT, field TEXT, value TEXT) STRICT');
  const insert = db.prepare('INSERT INTO change VALUES (?, ?, ?, ?, ?)');
  const { ms } = time(() => db.transaction(() => changes.forEach((c, i) => insert.run(String(i).padStart(12, '0'), c.entity, c.id, c.field, JSON.stringify(c.value))))());
  db.close();
  return ms;
}

const sync = (core: Core, share: string, snapshot = false) => core.call('sync.run', { share, snapshot }) as Promise<SyncResult>;

/** 200k changes: 20k customers made (4 fields each), then name and notes typed over three times. */
function historyChanges(): FieldChange[] {
  const made = customerChanges().slice(0, 20_000 * 4);
  const ids = [...new Set(made.map((c) => c.id))];
  const edits = [1, 2, 3].flatMap((round) =>
    ids.flatMap((id, i): FieldChange[] => [
      { entity: 'customer', id, field: 'name', value: `Customer ${i}, version ${round}` },
      { entity: 'customer', id, field: 'notes', value: `Round ${round}: ${i % 7} open questions on the load balancer.` },
    ]),
  );
  return [...made, ...edits];
}

/** Part 4: joining from a snapshot against replaying every change file. */
async function joining(): Promise<void> {
  const changes = historyChanges();
  const share = folder();
  // A colleague on the share: the writer keeps its files until the colleague has them (retention),
  // and they are copied aside for a device to replay.
  const colleague = openCore({ dataDir: folder(), appVersion: 'bench' });
  await sync(colleague, share);
  const writer = openCore({ dataDir: folder(), appVersion: 'bench' });
  writer.store.transaction(() => writer.store.apply(changes));
  await sync(writer, share);
  const filesOnly = folder();
  cpSync(share, filesOnly, { recursive: true, filter: (path) => !path.includes('snapshots') });
  // The colleague says it has them all: the snapshot need keep no earlier text for it.
  await sync(colleague, share);
  colleague.call('profile.save', { name: 'Colleague', email: '', role: '' });
  await sync(colleague, share);
  const published = await timeAsync(() => sync(writer, share, true));
  const snapshot = published.result.snapshots.published!;

  const replaying = openCore({ dataDir: folder(), appVersion: 'bench' });
  const replay = await timeAsync(() => sync(replaying, filesOnly));
  const joiner = openCore({ dataDir: folder(), appVersion: 'bench' });
  const joined = await timeAsync(() => sync(joiner, share));
  console.log(
    `4. a new device joining a share of ${changes.length.toLocaleString('en')} changes: from the snapshot (${snapshot.changes.toLocaleString('en')} changes; publishing it took ${published.ms.toFixed(0)} ms) ${joined.ms.toFixed(0)} ms, replaying all ${replay.result.received.files} change files ${replay.ms.toFixed(0)} ms (${(joined.ms / replay.ms).toFixed(2)}× the replay)`,
  );
  for (const core of [colleague, writer, replaying, joiner]) core.close();
}

try {
  console.log(`Sync benchmark (Node ${process.version}): ${CHANGES.toLocaleString('en')} field changes\n`);
  const changes = customerChanges();
  const raw = rawInserts(changes);
  console.log(`baseline, raw inserts of the same rows in one transaction: ${raw.toFixed(0)} ms`);

  const share = folder();
  const a = openCore({ dataDir: folder(), appVersion: 'bench' });
  const b = openCore({ dataDir: folder(), appVersion: 'bench' });
  a.store.transaction(() => a.store.apply(changes));

  const sent = await timeAsync(() => sync(a, share));
  const files = readdirSync(join(share, 'fieldbook', 'devices', a.store.deviceId, 'changes'));
  console.log(`1. send: ${sent.ms.toFixed(0)} ms for ${sent.result.sent.changes.toLocaleString('en')} changes in ${files.length} files (${(sent.ms / raw).toFixed(1)}× the baseline)`);

  const received = await timeAsync(() => sync(b, share));
  console.log(
    `2. receive (read, verify, merge through the write path): ${received.ms.toFixed(0)} ms for ${received.result.received.changes.toLocaleString('en')} changes (${(received.ms / raw).toFixed(1)}× the baseline)`,
  );

  const folderOfA = join(share, 'fieldbook', 'devices', a.store.deviceId, 'changes');
  for (const name of files) copyFileSync(join(folderOfA, name), join(folderOfA, name.replace(/\.jsonl$/, ' (conflicted copy).jsonl')));
  const again = await timeAsync(() => sync(b, share));
  console.log(`3. the same files again as conflicted copies: ${again.ms.toFixed(0)} ms, ${again.result.received.files} files read (recognised by the hash in their names)`);
  a.close();
  b.close();
  await joining();
} finally {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}
