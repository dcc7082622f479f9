// What devices know of each other's changes, from the change files applied here (sync_file) and
// what each file's writer said it knew. A device "knows" another's changes up to the last file of
// an unbroken run of that device's files (1, 2, 3…): a file that arrived before an earlier one
// does not count until the gap is filled. So a device never says it has a change it lacks, and a
// writer never removes a file someone still needs (retention.ts).
import { eq, ne } from 'drizzle-orm';
import * as t from '../db/tables/index.ts';
import { parseStamp } from '../hlc.ts';
import type { Store } from '../store.ts';
import { compare } from './change-file-format.ts';
import { EXPORTED_KEY } from '../write-path.ts';
import type { FoundFile } from './change-files.ts';

/**
 * A device not heard from for this long (no change of it newer, in any file here or any file's
 * `knows`) is no longer waited for: its writers remove what everyone else has, and it catches up
 * from a snapshot when it comes back (README, "Syncing through a shared folder").
 */
const AWAY_AFTER_MS = 180 * 24 * 60 * 60 * 1000;

/** The last of this device's own changes (change_log.seq) written to the share. */
export function exportedSeq(store: Store): number {
  const row = store.orm.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, EXPORTED_KEY)).get();
  return row ? Number(row.value) : 0;
}

/** Per device (this one included), the stamp up to which this database has all of its changes. */
export function knownStamps(store: Store): Record<string, string> {
  const rows = store.orm.select({ device: t.syncFile.device, number: t.syncFile.number, lastStamp: t.syncFile.lastStamp }).from(t.syncFile).all();
  const byDevice = new Map<string, { numbered: Map<number, string>; unnumbered: string }>();
  for (const { device, number, lastStamp } of rows) {
    const files = byDevice.get(device) ?? { numbered: new Map<number, string>(), unnumbered: '' };
    byDevice.set(device, files);
    // Files recorded before they were numbered count as they did then: up to their last change.
    if (number === 0) files.unnumbered = later(files.unnumbered, lastStamp);
    else files.numbered.set(number, later(files.numbered.get(number) ?? '', lastStamp));
  }
  const known: Record<string, string> = {};
  for (const [device, { numbered, unnumbered }] of byDevice) {
    let stamp = unnumbered;
    for (let n = 1; numbered.has(n); n++) stamp = later(stamp, numbered.get(n)!);
    if (stamp !== '') known[device] = stamp;
  }
  return known;
}

/** Another device, as far as this one has heard of it. */
interface Peer {
  device: string;
  /** What its newest file applied here says it had of each other device; empty before any. */
  knows: Record<string, string>;
}

/**
 * The other devices this one still waits for: every device it knows of (from files applied here,
 * from what their writers knew, or from files on the share it could not read yet) that was heard
 * from within AWAY_AFTER_MS of `now`. `present` are the share's change files as listed now.
 */
export function peers(store: Store, present: readonly FoundFile[], now: number): Peer[] {
  const me = store.deviceId;
  const heard = new Map<string, number>();
  const hear = (device: string, ms: number) => heard.set(device, Math.max(heard.get(device) ?? 0, ms));
  const newest = new Map<string, { number: number; lastStamp: string; knows: Record<string, string> }>();
  const rows = store.orm
    .select({ device: t.syncFile.device, number: t.syncFile.number, lastStamp: t.syncFile.lastStamp, knows: t.syncFile.knows })
    .from(t.syncFile)
    .where(ne(t.syncFile.device, me))
    .all();
  for (const row of rows) {
    hear(row.device, parseStamp(row.lastStamp).ms);
    for (const [device, stamp] of Object.entries(row.knows)) hear(device, parseStamp(stamp).ms);
    const kept = newest.get(row.device);
    if (!kept || row.number > kept.number || (row.number === kept.number && compare(row.lastStamp, kept.lastStamp) > 0)) newest.set(row.device, row);
  }
  // A file's name starts with its first change's time.
  for (const file of present) hear(file.device, Number(file.name.slice(2, 17)));
  heard.delete(me);
  return [...heard]
    .filter(([, ms]) => now - ms <= AWAY_AFTER_MS)
    .map(([device]) => ({ device, knows: newest.get(device)?.knows ?? {} }))
    .sort((a, b) => compare(a.device, b.device));
}

function later(a: string, b: string): string {
  return compare(a, b) >= 0 ? a : b;
}
