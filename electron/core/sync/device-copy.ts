// A copied laptop image, or this database restored from a backup (sync.md, scenarios 9 and 10):
// another installation writes, or wrote, under this device's id. Each installation records every
// change file it writes, so a change file in this device's own folder that this database did not
// write (or a snapshot holding more of this id than it wrote) shows it. Going on under the same id
// would make stamps and file numbers twice, each naming two different things; so this installation
// takes a new id at the start of the sync, before it writes anything, changes nothing in the
// share, and then reads the files it found like a colleague's.
import { eq } from 'drizzle-orm';
import type { SyncResult } from '../../../shared/sync.ts';
import * as t from '../db/tables/index.ts';
import { takeNewDeviceId } from '../device.ts';
import type { Store } from '../store.ts';
import { compare } from './change-file-format.ts';
import { nameHash, readChangeFile, readSnapshotFile, type ShareScan } from './change-files.ts';
import { sameChange } from '../write-path.ts';
import type { SeenSnapshot } from './snapshot.ts';

/** Takes a new device id if the share shows another installation using this one; says so, or null. */
export function takeNewIdIfCopied(store: Store, scan: ShareScan, seen: readonly SeenSnapshot[]): SyncResult['newDeviceId'] {
  const me = store.deviceId;
  const written = store.orm.select({ hash: t.syncFile.hash, lastStamp: t.syncFile.lastStamp }).from(t.syncFile).where(eq(t.syncFile.device, me)).all();
  const mine = new Set(written.map((f) => f.hash));
  const lastWritten = written.reduce((last, f) => (compare(f.lastStamp, last) > 0 ? f.lastStamp : last), '');
  const found = scan.files.filter((file) => file.device === me && !mine.has(nameHash(file.name)!));
  const holdingMore = seen.filter(({ header }) => compare(header.covers[me] ?? '', lastWritten) > 0);
  if (found.length === 0 && holdingMore.length === 0) return null;

  // The changes of this id the other installation put in the share: they stay under this id (this
  // database may have some of them too, from before the copy), and reach everyone from there.
  const inShare = new Set<string>();
  for (const file of found) {
    const read = readChangeFile(file);
    if (!('reason' in read)) for (const change of read.changes) inShare.add(sameChange(change));
  }
  for (const { file } of holdingMore) {
    const read = readSnapshotFile(file);
    if (!('reason' in read)) for (const change of read.changes) if (change.stamp.endsWith(`-${me}`)) inShare.add(sameChange(change));
  }
  const current = takeNewDeviceId(store, inShare);
  return { previous: me, current, foundFiles: found.length };
}
