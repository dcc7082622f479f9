// Snapshots (sync.md, requirement 8): a device publishes, into its own folder of the share, one
// verified file holding what a device joining the share needs to reach the same data and the same
// conflicts list as replaying every change file (snapshot-format.ts). A new installation, or one
// back after longer than the retention time, takes the newest snapshot that brings it something,
// through the write path like any change file, and then reads only the files it does not hold.
import { asc, count, sql } from 'drizzle-orm';
import type { SnapshotSummary } from '../../../shared/sync.ts';
import { isLongText } from '../db/entities.ts';
import { SCHEMA_VERSION } from '../db/migrations.ts';
import * as t from '../db/tables/index.ts';
import { parseStamp } from '../hlc.ts';
import type { Store } from '../store.ts';
import type { TaskControl } from '../task-control.ts';
import type { SyncFileRecord } from '../write-path.ts';
import { compare } from './change-file-format.ts';
import { nameHash, readSnapshotFile, readSnapshotHeader, writeSnapshotFile, type FoundFile, type ShareChange, type ShareScan, type Skipped } from './change-files.ts';
import { exportedSeq, knownStamps, peers } from './knowledge.ts';
import { encodeSnapshot, snapshotHash, type SnapshotHeader } from './snapshot-format.ts';

/**
 * A snapshot is published once this many changes in the share are in no snapshot (a newcomer
 * replays that many in a few seconds on top of taking the snapshot: npm run bench), provided the
 * history is at least HISTORY_PER_FIELD times the fields it leaves (a snapshot holds about one
 * change per field): below that a newcomer reads nearly as much from a snapshot as from the files,
 * and writing one costs about as much as replaying it once.
 */
const SNAPSHOT_AFTER_CHANGES = 50_000;
const HISTORY_PER_FIELD = 2;
/**
 * …or once the newest snapshot is this old (the oldest change file, before any) and a change is in
 * none: old files go only once a snapshot holds them (retention.ts), so a share whose devices keep
 * up is trimmed within a month, however few changes are made.
 */
const SNAPSHOT_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** A snapshot on the share with its header (read from the start of the file, not yet verified). */
export interface SeenSnapshot {
  file: FoundFile;
  header: SnapshotHeader;
}

/** The share's snapshots with their headers, newest first; those whose header cannot be read are skipped, with why. */
export function lookAtSnapshots(scan: ShareScan): { seen: SeenSnapshot[]; skipped: Skipped[] } {
  const seen: SeenSnapshot[] = [];
  const skipped: Skipped[] = [];
  for (const file of scan.snapshots) {
    const header = readSnapshotHeader(file);
    if ('reason' in header) skipped.push(header);
    else seen.push({ file, header });
  }
  // Named by the newest stamp each covers.
  return { seen: seen.sort((a, b) => compare(b.file.name, a.file.name)), skipped };
}

/**
 * Before the change files are read: takes the snapshots that bring this database what it would
 * otherwise not get, newest first. A new installation (none of the others' files applied yet)
 * takes the newest it can verify; any other only one holding change files it has not applied that
 * are gone from the share (removed by their writers while this device was away), so a device that
 * merely lags reads the files themselves, every change of them kept in its history.
 */
export function catchUpFromSnapshots(store: Store, scan: ShareScan, seen: readonly SeenSnapshot[], control: TaskControl): { taken: SnapshotSummary | null; skipped: Skipped[] } {
  const me = store.deviceId;
  const files = store.orm.select({ hash: t.syncFile.hash, device: t.syncFile.device }).from(t.syncFile).all();
  const applied = new Set(files.map((f) => f.hash));
  let fresh = !files.some((f) => f.device !== me);
  const present = new Set(scan.files.map((f) => nameHash(f.name)));
  let known = knownStamps(store);
  let taken: SnapshotSummary | null = null;
  const skipped: Skipped[] = [];
  for (const { file, header } of seen) {
    if (!Object.entries(header.covers).some(([device, stamp]) => compare(stamp, known[device] ?? '') > 0)) continue;
    control.throwIfCancelled();
    const read = readSnapshotFile(file);
    if ('reason' in read) {
      skipped.push(read);
      continue;
    }
    const lacking = read.files.filter((f) => !applied.has(f.hash));
    if (lacking.length === 0 || (!fresh && lacking.every((f) => present.has(f.hash)))) continue;
    control.progress({ stage: 'receive', done: 0, total: read.changes.length });
    store.applyRemote(
      read.changes.map((change) => ({ ...change, deviceId: parseStamp(change.stamp).deviceId })),
      read.files,
    );
    for (const f of lacking) applied.add(f.hash);
    known = knownStamps(store);
    fresh = false;
    taken = { path: file.path, files: read.files.length, changes: read.changes.length };
  }
  return { taken, skipped };
}

/**
 * After the change files are read: publishes a snapshot when asked (`force`) or when one is due
 * (SNAPSHOT_AFTER_CHANGES, SNAPSHOT_AFTER_MS), and records it as this database's own.
 */
export function publishSnapshot(store: Store, share: string, scan: ShareScan, seen: readonly SeenSnapshot[], force: boolean): SnapshotSummary | null {
  if (!force && !due(store, seen)) return null;
  const { files, changes } = snapshotContent(store, scan);
  if (files.length === 0) return null; // nothing in the share yet, from anyone
  const file = encodeSnapshot({ device: store.deviceId, schema: SCHEMA_VERSION, covers: knownStamps(store), written: new Date(store.now()).toISOString() }, files, changes);
  const path = writeSnapshotFile(share, store.deviceId, file);
  store.recordSnapshot(snapshotHash(file.name)!);
  return { path, files: files.length, changes: changes.length };
}

/** Whether enough of the share is in no snapshot yet (by the snapshots' headers). */
function due(store: Store, seen: readonly SeenSnapshot[]): boolean {
  const covered: Record<string, string> = {};
  for (const { header } of seen) {
    for (const [device, stamp] of Object.entries(header.covers)) if (compare(stamp, covered[device] ?? '') > 0) covered[device] = stamp;
  }
  const uncovered = store.orm
    .select({ device: t.syncFile.device, firstStamp: t.syncFile.firstStamp, lastStamp: t.syncFile.lastStamp, count: t.syncFile.count })
    .from(t.syncFile)
    .all()
    .filter((f) => compare(f.lastStamp, covered[f.device] ?? '') > 0);
  const changes = uncovered.reduce((sum, f) => sum + f.count, 0);
  if (changes === 0) return false;
  if (changes >= SNAPSHOT_AFTER_CHANGES) {
    const history = store.orm.select({ n: count() }).from(t.changeLog).get()?.n ?? 0;
    const fields = store.orm
      .select({ n: count() })
      .from(store.orm.select({ one: sql`1` }).from(t.changeLog).groupBy(t.changeLog.entity, t.changeLog.rowId, t.changeLog.field).as('field'))
      .get()?.n ?? 0;
    if (history >= HISTORY_PER_FIELD * fields) return true;
  }
  const since =
    seen.length > 0 ? Math.max(...seen.map((s) => Date.parse(s.header.written))) : uncovered.reduce((oldest, f) => Math.min(oldest, parseStamp(f.firstStamp).ms), Infinity);
  return store.now() - since >= SNAPSHOT_AFTER_MS;
}

/** One change in the change log, as a snapshot may carry it. */
interface LoggedChange extends ShareChange {
  seq: number;
  deviceId: string;
}

/**
 * What a snapshot holds: every change file this database has applied or written, and of the
 * changes in them (this device's own not yet sent are not: no file holds them) the latest of every
 * field and every change a later conflict or merge could still need (changesToKeep); with the
 * changes kept back for a newer schema or clock, which a reader may be able to apply.
 */
function snapshotContent(store: Store, scan: ShareScan): { files: SyncFileRecord[]; changes: ShareChange[] } {
  const me = store.deviceId;
  const files: SyncFileRecord[] = store.orm
    .select({
      hash: t.syncFile.hash,
      device: t.syncFile.device,
      number: t.syncFile.number,
      firstStamp: t.syncFile.firstStamp,
      lastStamp: t.syncFile.lastStamp,
      count: t.syncFile.count,
      knows: t.syncFile.knows,
    })
    .from(t.syncFile)
    .orderBy(asc(t.syncFile.device), asc(t.syncFile.firstStamp))
    .all();
  const writerOf = writerKnowledge(files);
  const acknowledged = acknowledgedStamps(store, scan);
  const sent = exportedSeq(store);
  const logged: LoggedChange[] = store.orm
    .select({
      seq: t.changeLog.seq,
      stamp: t.changeLog.stamp,
      deviceId: t.changeLog.deviceId,
      entity: t.changeLog.entity,
      rowId: t.changeLog.rowId,
      field: t.changeLog.field,
      value: t.changeLog.value,
      schemaVersion: t.changeLog.schemaVersion,
    })
    .from(t.changeLog)
    .orderBy(asc(t.changeLog.entity), asc(t.changeLog.rowId), asc(t.changeLog.field), asc(t.changeLog.stamp))
    .all()
    .filter((c) => c.deviceId !== me || c.seq <= sent);
  const changes: ShareChange[] = [];
  const take = ({ stamp, entity, rowId, field, value, schemaVersion }: ShareChange) => changes.push({ stamp, entity, rowId, field, value, schemaVersion });
  for (let start = 0; start < logged.length; ) {
    const { entity, rowId, field } = logged[start]!;
    let end = start + 1;
    while (end < logged.length && logged[end]!.entity === entity && logged[end]!.rowId === rowId && logged[end]!.field === field) end++;
    changesToKeep(logged.slice(start, end), isLongText(entity, field), writerOf, acknowledged).forEach(take);
    start = end;
  }
  const parked = store.orm
    .select({ stamp: t.syncParked.stamp, entity: t.syncParked.entity, rowId: t.syncParked.rowId, field: t.syncParked.field, value: t.syncParked.value, schemaVersion: t.syncParked.schemaVersion })
    .from(t.syncParked)
    .all();
  parked.forEach(take);
  return { files, changes };
}

/** Stands for "everything": a stamp later than any. */
const ALL = '\uffff';

/**
 * Per device, the stamp up to which every device still waited for (this one included) has all
 * its changes: a change any of them makes later was made knowing at least that much.
 */
function acknowledgedStamps(store: Store, scan: ShareScan): (device: string) => string {
  const me = store.deviceId;
  const others = peers(store, scan.files, store.now());
  const mine = knownStamps(store);
  return (device) => {
    let stamp = device === me ? ALL : (mine[device] ?? '');
    for (const peer of others) if (peer.device !== device) stamp = earlier(stamp, peer.knows[device] ?? '');
    return stamp;
  };
}

/** What a change's writer had of the others when making it (its file's `knows`); null where no file holds it. */
function writerKnowledge(files: readonly SyncFileRecord[]): (change: LoggedChange) => Record<string, string> | null {
  const byDevice = new Map<string, SyncFileRecord[]>();
  for (const file of files) {
    const own = byDevice.get(file.device) ?? [];
    own.push(file);
    byDevice.set(file.device, own);
  }
  return (change) => {
    const own = byDevice.get(change.deviceId) ?? [];
    // By first stamp (snapshotContent's order): the last file starting at or before the change.
    let low = 0;
    let high = own.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (compare(own[middle]!.firstStamp, change.stamp) <= 0) low = middle + 1;
      else high = middle - 1;
    }
    const file = own[high];
    return file && compare(change.stamp, file.lastStamp) <= 0 ? file.knows : null;
  };
}

/**
 * The changes of one field (oldest first) a snapshot must hold so that a reader, with whatever
 * comes later, works out the same value and conflicts as from all of them (WritePath.findConflicts):
 * the latest of each device (the winner, and the values that may lose to it unseen). For a long
 * text also what a three-way merge may take as its base, now or later: the latest change both
 * writers had. A writer had another device's changes up to what its file knew, and a later change
 * is made knowing at least what every device still waited for has (`acknowledged`); so of each
 * device, every change from its latest one within the least of those bounds is kept. And each
 * device's first change: the merge goes through the devices in the order they first changed it.
 */
function changesToKeep(
  changes: readonly LoggedChange[],
  longText: boolean,
  writerOf: (change: LoggedChange) => Record<string, string> | null,
  acknowledged: (device: string) => string,
): LoggedChange[] {
  const latest = new Map<string, LoggedChange>();
  for (const change of changes) latest.set(change.deviceId, change);
  if (!longText) return changes.filter((c) => latest.get(c.deviceId) === c);
  const byDevice = new Map<string, LoggedChange[]>();
  for (const change of changes) {
    const own = byDevice.get(change.deviceId) ?? [];
    own.push(change);
    byDevice.set(change.deviceId, own);
  }
  const kept = new Set<LoggedChange>();
  for (const [device, own] of byDevice) {
    let bound = acknowledged(device);
    for (const writer of latest.values()) {
      if (writer.deviceId !== device) bound = earlier(bound, earlier(writerOf(writer)?.[device] ?? '', writer.stamp));
    }
    const from = own.findLastIndex((c) => compare(c.stamp, bound) <= 0);
    own.slice(Math.max(from, 0)).forEach((c) => kept.add(c));
    if (byDevice.size > 1) kept.add(own[0]!);
  }
  return changes.filter((c) => kept.has(c));
}

function earlier(a: string, b: string): string {
  return compare(a, b) <= 0 ? a : b;
}
