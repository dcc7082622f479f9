// One sync with the shared folder: this device's new changes go out as change files of its own,
// then every verified file of the others comes in through the write path (the highest stamp of a
// field wins, the same on every device whatever order files arrive in). The share holds only files
// written once by their own device (sync.md, requirements 1-3), so no two devices ever write the
// same file and a sync client has nothing to merge.
import { and, asc, eq, gt, max } from 'drizzle-orm';
import { ApiError } from '../../../shared/errors.ts';
import type { SkippedFile, SyncResult } from '../../../shared/sync.ts';
import { SCHEMA_VERSION } from '../db/migrations.ts';
import * as t from '../db/tables/index.ts';
import type { Store } from '../store.ts';
import type { TaskControl } from '../task-control.ts';
import type { RemoteOutcome } from '../write-path.ts';
import { MAX_CHANGE_FILE_BYTES, ShareError, nameHash, readChangeFile, scanShare, writeChangeFile, type FoundFile, type ShareChange } from './change-files.ts';
import { takeNewIdIfCopied } from './device-copy.ts';
import { exportedSeq, knownStamps } from './knowledge.ts';
import { renumberClashes } from './numbers.ts';
import { removeUnneeded } from './retention.ts';
import { catchUpFromSnapshots, lookAtSnapshots, publishSnapshot } from './snapshot.ts';

/**
 * A change file holds up to this many changes or bytes (the encoded changes, roughly): a few MB,
 * so a share holds few, larger files (many small ones make network drives slow) while one long
 * text or logo per change still keeps a file far below the readers' limit.
 */
const CHANGES_PER_FILE = 20_000;
const BYTES_PER_FILE = Math.min(5 * 1024 ** 2, MAX_CHANGE_FILE_BYTES / 4);

/** The hash a change file's name carries: its identity, a sync client's conflicted copy included. */
function hashOf(file: Pick<FoundFile, 'name'>): string {
  const hash = nameHash(file.name);
  if (hash === null) throw new Error(`Not a change file name: ${file.name}`);
  return hash;
}

/** The share's own failures (not there, not writable, full) are the user's to fix: said as the share's, naming the folder. */
function onShare<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ShareError)) throw error;
    throw new ApiError({ code: 'invalid_input', field: 'share', message: `share: ${error.message}` });
  }
}

/** Per other device, the stamp up to which this database has all its changes: what this device's next changes are made knowing. */
function knowledge(store: Store): Record<string, string> {
  const { [store.deviceId]: _own, ...others } = knownStamps(store);
  return others;
}

/** The number this device's next change file takes: one past the last it wrote (never given twice under one id, see device-copy.ts). */
function nextFileNumber(store: Store): number {
  const row = store.orm.select({ last: max(t.syncFile.number) }).from(t.syncFile).where(eq(t.syncFile.device, store.deviceId)).get();
  return (row?.last ?? 0) + 1;
}

/** Writes this device's changes not yet in the share, in files of a few MB. */
function send(store: Store, share: string, control: TaskControl): SyncResult['sent'] {
  const sent = { files: 0, changes: 0 };
  for (;;) {
    control.throwIfCancelled();
    const rows = store.orm
      .select({
        seq: t.changeLog.seq,
        stamp: t.changeLog.stamp,
        entity: t.changeLog.entity,
        rowId: t.changeLog.rowId,
        field: t.changeLog.field,
        value: t.changeLog.value,
        schemaVersion: t.changeLog.schemaVersion,
      })
      .from(t.changeLog)
      .where(and(eq(t.changeLog.deviceId, store.deviceId), gt(t.changeLog.seq, exportedSeq(store))))
      .orderBy(asc(t.changeLog.seq))
      .limit(CHANGES_PER_FILE)
      .all();
    if (rows.length === 0) return sent;
    control.progress({ stage: 'send', done: sent.changes, total: sent.changes + rows.length });
    // The longest run from the first change that fits (at least one: a change never waits for ever).
    let end = 1;
    for (let bytes = JSON.stringify(rows[0]!.value).length; end < rows.length; end++) {
      bytes += JSON.stringify(rows[end]!.value).length + 100;
      if (bytes > BYTES_PER_FILE) break;
    }
    const taken = rows.slice(0, end);
    const changes: ShareChange[] = taken.map(({ seq: _seq, ...change }) => change);
    const knows = knowledge(store);
    const number = nextFileNumber(store);
    const name = onShare(() => writeChangeFile(share, { device: store.deviceId, number, schema: SCHEMA_VERSION, knows, written: new Date().toISOString() }, changes));
    store.recordExport(
      { hash: hashOf({ name }), device: store.deviceId, number, firstStamp: changes[0]!.stamp, lastStamp: changes.at(-1)!.stamp, count: changes.length, knows },
      taken.at(-1)!.seq,
    );
    sent.files++;
    sent.changes += changes.length;
  }
}

/** Applies every verified file of the share not applied here yet, each in a transaction of its own. */
function receive(store: Store, share: string, control: TaskControl): Pick<SyncResult, 'received' | 'keptBack' | 'skipped'> {
  const received = { files: 0, changes: 0, applied: 0, superseded: 0, duplicates: 0 };
  const keptBack = { newerSchema: 0, clockAhead: 0 };
  const skipped: SkippedFile[] = [];
  const count = (outcome: RemoteOutcome) => {
    received.applied += outcome.applied;
    received.superseded += outcome.superseded;
    received.duplicates += outcome.duplicates;
    keptBack.newerSchema += outcome.parkedForSchema;
    keptBack.clockAhead += outcome.parkedForClock;
  };
  // What was kept back last time first: this version or this clock may take it now.
  count(store.applyParked());
  const applied = new Set(store.orm.select({ hash: t.syncFile.hash }).from(t.syncFile).all().map((r) => r.hash));
  const scan = onShare(() => scanShare(share));
  skipped.push(...scan.skipped);
  const waiting = scan.files.filter((file) => !applied.has(hashOf(file)));
  for (const [index, file] of waiting.entries()) {
    control.throwIfCancelled();
    control.progress({ stage: 'receive', done: index, total: waiting.length });
    const hash = hashOf(file);
    // A sync client's conflicted copy of a file applied a moment ago.
    if (applied.has(hash)) continue;
    const read = readChangeFile(file);
    if ('reason' in read) {
      skipped.push({ path: read.path, reason: read.reason, detail: read.detail });
      continue;
    }
    const changes = read.changes.map((change) => ({ ...change, deviceId: read.device }));
    count(
      store.applyRemote(changes, [
        {
          hash,
          device: read.device,
          number: read.header.number,
          firstStamp: changes[0]?.stamp ?? '',
          lastStamp: changes.at(-1)?.stamp ?? '',
          count: changes.length,
          knows: read.header.knows,
        },
      ]),
    );
    applied.add(hash);
    received.files++;
    received.changes += changes.length;
  }
  return { received, keptBack, skipped };
}

/**
 * One sync: a new device id first where another installation uses this one (device-copy.ts), send,
 * catch up from a snapshot where one brings what the files no longer can (snapshot.ts), receive;
 * then publish a snapshot when due or asked (`snapshot`), and remove this device's own files no
 * one needs any more (retention.ts). A share that cannot be reached is refused before anything
 * changes (the writer never creates the share's own folder: an unmounted share is not made on the
 * laptop).
 */
export function syncWithShare(store: Store, share: string, control: TaskControl, options: { snapshot?: boolean } = {}): SyncResult {
  const before = onShare(() => scanShare(share));
  const looked = lookAtSnapshots(before);
  const newDeviceId = takeNewIdIfCopied(store, before, looked.seen);
  const sent = send(store, share, control);
  const caughtUp = catchUpFromSnapshots(store, before, looked.seen, control);
  const received = receive(store, share, control);
  // Numbers two devices gave while apart (R-042 twice): made unique here, sent with the next sync.
  renumberClashes(store);
  const after = onShare(() => scanShare(share));
  const published = onShare(() => publishSnapshot(store, share, after, looked.seen, options.snapshot ?? false));
  // Retention sees the snapshot just published too.
  const final = published ? onShare(() => scanShare(share)) : after;
  const removed = removeUnneeded(store, final, published ? lookAtSnapshots(final).seen : looked.seen);
  const result: SyncResult = {
    share,
    at: new Date().toISOString(),
    sent,
    ...received,
    skipped: [...looked.skipped, ...caughtUp.skipped, ...received.skipped],
    snapshots: { taken: caughtUp.taken, published },
    removed,
    newDeviceId,
  };
  store.recordSync(JSON.stringify(result));
  return result;
}
