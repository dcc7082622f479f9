// Retention (sync.md, requirement 8): a device removes its own old change files, and only its own,
// once they are no longer needed: every device it still waits for has them (that device's newest
// file says it had this device's changes up to at least the file's last one) and a verified
// snapshot, anyone's, holds them, so a device joining later or coming back after long away gets
// their changes from it. A device not heard from for AWAY_AFTER_MS is not waited for (knowledge.ts).
// Only files this database wrote (recorded in sync_file, or as its snapshots) are ever removed:
// another installation using the same id (a copy not yet detected) keeps its own. Nothing is
// concluded from a file missing; a file that cannot be removed now is tried again next time.
import { and, eq, gt } from 'drizzle-orm';
import type { SyncResult } from '../../../shared/sync.ts';
import * as t from '../db/tables/index.ts';
import type { Store } from '../store.ts';
import { OWN_SNAPSHOTS_KEY } from '../write-path.ts';
import { compare } from './change-file-format.ts';
import { nameHash, readSnapshotFile, removeShareFile, type ShareScan } from './change-files.ts';
import { peers } from './knowledge.ts';
import { snapshotHash } from './snapshot-format.ts';
import type { SeenSnapshot } from './snapshot.ts';

/** Removes this device's own files the share no longer needs; says how many went. */
export function removeUnneeded(store: Store, scan: ShareScan, seen: readonly SeenSnapshot[]): SyncResult['removed'] {
  return { changeFiles: removeChangeFiles(store, scan, seen), snapshots: removeOlderSnapshots(store, scan) };
}

function removeChangeFiles(store: Store, scan: ShareScan, seen: readonly SeenSnapshot[]): number {
  const me = store.deviceId;
  // Up to which stamp every device still waited for has this device's changes.
  let acknowledged = '\uffff';
  for (const peer of peers(store, scan.files, store.now())) acknowledged = earlier(acknowledged, peer.knows[me] ?? '');
  const written = new Map(
    store.orm
      .select({ hash: t.syncFile.hash, lastStamp: t.syncFile.lastStamp })
      .from(t.syncFile)
      .where(and(eq(t.syncFile.device, me), gt(t.syncFile.number, 0)))
      .all()
      .map((f) => [f.hash, f.lastStamp]),
  );
  // A sync client's copies of a file go with it: they have its hash.
  const removable = scan.files.filter((file) => {
    const lastStamp = file.device === me ? written.get(nameHash(file.name)!) : undefined;
    return lastStamp !== undefined && compare(lastStamp, acknowledged) <= 0;
  });
  if (removable.length === 0) return 0;
  const needed = removable.map((file) => written.get(nameHash(file.name)!)!).reduce(earlier);
  const covered = coveredByASnapshot(me, needed, seen);
  let removed = 0;
  for (const file of removable) {
    if (compare(written.get(nameHash(file.name)!)!, covered) <= 0 && removeShareFile(file.path)) removed++;
  }
  return removed;
}

/**
 * Up to which stamp a verified snapshot holds this device's changes: the snapshot that says it
 * holds the most of them, once read whole and verified; '' where none holds even `needed`.
 */
function coveredByASnapshot(me: string, needed: string, seen: readonly SeenSnapshot[]): string {
  const candidates = seen.filter(({ header }) => compare(header.covers[me] ?? '', needed) >= 0).sort((a, b) => compare(b.header.covers[me]!, a.header.covers[me]!));
  for (const { file } of candidates) {
    const read = readSnapshotFile(file);
    if (!('reason' in read)) return read.header.covers[me]!;
  }
  return '';
}

/** This database's older snapshots, once its newest one is verified: the newest holds all they do. */
function removeOlderSnapshots(store: Store, scan: ShareScan): number {
  const me = store.deviceId;
  const ownHashes = new Set(JSON.parse(store.orm.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, OWN_SNAPSHOTS_KEY)).get()?.value ?? '[]') as string[]);
  const own = scan.snapshots.filter((file) => file.device === me && ownHashes.has(snapshotHash(file.name)!));
  const newest = snapshotHash(own.map((f) => f.name).sort(compare).at(-1) ?? '');
  const older = own.filter((file) => snapshotHash(file.name) !== newest);
  if (older.length === 0) return 0;
  const verified = own.some((file) => snapshotHash(file.name) === newest && !('reason' in readSnapshotFile(file)));
  if (!verified) return 0;
  return older.filter((file) => removeShareFile(file.path)).length;
}

function earlier(a: string, b: string): string {
  return compare(a, b) <= 0 ? a : b;
}
