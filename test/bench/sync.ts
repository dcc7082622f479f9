// `npm run bench` (seventh part): sync through a shared folder, with real folders.
//   1. 100k field changes made on one device, written to the share as change files (send).
//   2. Another device reads, verifies and merges them through the write path (receive).
//   3. The same files again as a sync client's conflicted copies: every change already there.
// Against the baseline of raw better-sqlite3 inserts of the same 100k rows in one transaction,
// measured in the same run (sync.md's prototype: about 0.8 s for 100k changes on a fast laptop).
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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

const sync = (core: Core, share: string) => core.call('sync.run', { share }) as Promise<SyncResult>;

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
} finally {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}
