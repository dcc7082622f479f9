// The shared folder's files: <share>/fieldbook/devices/<device id>/changes/<change file>, and the
// device's snapshots beside them in …/<device id>/snapshots/<snapshot> (snapshot-format.ts). Each
// device writes only under its own folder, and each file once, under a name made from its content:
// there are no lock files and no file two devices write, so a sync client has nothing to conflict
// on. A file appears whole or not at all (written under a temporary name, flushed, renamed), and a
// reader takes nothing from a file that is not whole and verified (change-file-format.ts). Nothing
// here follows a link inside the share: a link could lead out of it. Synchronous: the core runs on
// its own thread.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { syncFolder, writeTemporary } from '../documents/write-file.ts';
import {
  compare,
  decodeChangeFile,
  encodeChangeFile,
  isChangeFileName,
  isDeviceId,
  MAX_CHANGE_FILE_BYTES,
  type ChangeFileHeader,
  type ReadChangeFile,
  type Refusal,
  type ShareChange,
  type Skipped,
} from './change-file-format.ts';
import { decodeSnapshot, decodeSnapshotHeader, isSnapshotName, MAX_SNAPSHOT_BYTES, SNAPSHOT_HEADER_BYTES, type ReadSnapshot, type SnapshotHeader } from './snapshot-format.ts';

// The format's names too, so that sync reads the share through this one module.
export { MAX_CHANGE_FILE_BYTES, SHARE_FORMAT, nameHash, type ChangeFileHeader, type ReadChangeFile, type ShareChange, type Skipped } from './change-file-format.ts';

/** The share itself failed (not reachable, not writable, full, a file held by another program): the user's to fix, where other errors are ours. */
export class ShareError extends Error {
  override name = 'ShareError';
}

export interface FoundFile {
  device: string;
  name: string;
  path: string;
}

/** The change files and snapshots of a share, and the folders in it that could not be looked into (each with why). */
export interface ShareScan {
  files: FoundFile[];
  snapshots: FoundFile[];
  skipped: Skipped[];
}

export interface WriteOptions {
  /** Stands in for fs.renameSync: tests refuse the rename as a sync client holding the file does. */
  rename?: (from: string, to: string) => void;
}

/** The folder a device writes its change files to. */
export function changesFolder(shareRoot: string, device: string): string {
  return join(shareRoot, 'fieldbook', 'devices', device, 'changes');
}

/**
 * Waits before each new try at a rename refused because a sync client or virus scanner holds the
 * new file open (Windows: EBUSY, EPERM or EACCES): these let go within a second or two. About three
 * seconds in all, as the core's thread waits meanwhile.
 */
const RENAME_RETRY_MS = [100, 200, 400, 800, 1600];
const HELD = new Set(['EBUSY', 'EPERM', 'EACCES']);

/**
 * Writes one change file under <shareRoot>/fieldbook/devices/<deviceId>/changes/, atomically
 * (temporary name, fsync, rename, fsync the folder where the platform allows), never overwriting;
 * returns its name. A file of that name is already the same content (the name is the content's
 * hash): it is left as it is. Retries a rename refused with EBUSY/EPERM/EACCES a few times, then
 * throws. Errors are Errors naming the path.
 */
export function writeChangeFile(shareRoot: string, header: Omit<ChangeFileHeader, 'format' | 'count'>, changes: readonly ShareChange[], options: WriteOptions = {}): string {
  const file = encodeChangeFile(header, changes);
  writeOnce(folderInShare(shareRoot, ['fieldbook', 'devices', header.device, 'changes']), file, 'change file', options.rename ?? renameSync);
  return file.name;
}

/** Writes one snapshot (encodeSnapshot's) into the device's snapshots folder as a change file is written; returns its path. */
export function writeSnapshotFile(shareRoot: string, device: string, file: { name: string; bytes: Buffer }): string {
  return writeOnce(folderInShare(shareRoot, ['fieldbook', 'devices', device, 'snapshots']), file, 'snapshot', renameSync);
}

/** Puts a file into a folder of the share whole or not at all, never over another; returns its path. */
function writeOnce(folder: string, file: { name: string; bytes: Buffer }, what: string, rename: (from: string, to: string) => void): string {
  const path = join(folder, file.name);
  if (written(path, what)) return path;
  let temporary: string;
  try {
    temporary = writeTemporary(path, file.bytes);
  } catch (error) {
    throw new ShareError(`Could not write the ${what} ${path}: ${reason(error)}`);
  }
  putInPlace(temporary, path, what, rename);
  flushFolder(folder);
  return path;
}

/**
 * Removes one of this device's own files from the share (retention.ts decides which), again while
 * a sync client holds it; false where it cannot be removed now (the next sync tries again).
 */
export function removeShareFile(path: string): boolean {
  try {
    whileHeld(() => rmSync(path, { force: true }), `Could not remove ${path}`);
    return true;
  } catch (error) {
    if (error instanceof ShareError) return false;
    throw error;
  }
}

/** Every change file of every device (own included), by device then name, without the folders that could not be read. */
export function listChangeFiles(shareRoot: string): FoundFile[] {
  return scanShare(shareRoot).files;
}

/**
 * Every change file of every device (own included), by device then name, from folder listings
 * alone. Names not of a device's folder or of a change file are someone else's (a user's, a sync
 * client's) and left out silently; a device folder that is a link, or whose changes folder cannot
 * be read, is skipped with why. An unreachable share throws an Error naming the path; a share no
 * device has written to yet has no files.
 */
export function scanShare(shareRoot: string): ShareScan {
  reachable(shareRoot);
  const scan: ShareScan = { files: [], snapshots: [], skipped: [] };
  const devices = join(shareRoot, 'fieldbook', 'devices');
  for (const folder of [dirname(devices), devices]) {
    let stats: Stats | undefined;
    try {
      stats = lstatSync(folder, { throwIfNoEntry: false });
    } catch (error) {
      throw new ShareError(`The share folder ${shareRoot} cannot be read: ${folder}: ${reason(error)}`);
    }
    if (!stats) return scan;
    if (!stats.isDirectory()) throw new ShareError(`The share folder ${shareRoot} cannot be read: ${folder} is not a folder${linkNote(stats)}`);
  }
  for (const device of entries(devices, shareRoot)) {
    if (!isDeviceId(device.name)) continue;
    const folder = join(devices, device.name);
    if (device.isSymbolicLink()) scan.skipped.push({ path: folder, reason: 'unreadable', detail: 'a link, not a folder: links in the share are not followed' });
    if (!device.isDirectory()) continue;
    scan.files.push(...listFolder(device.name, join(folder, 'changes'), isChangeFileName, scan.skipped));
    scan.snapshots.push(...listFolder(device.name, join(folder, 'snapshots'), isSnapshotName, scan.skipped));
  }
  return scan;
}

/** The files of one of a device's folders whose names `isName` takes, by name; a folder that cannot be read is noted in `skipped`. */
function listFolder(device: string, folder: string, isName: (name: string) => boolean, skipped: Skipped[]): FoundFile[] {
  let names: Dirent[];
  try {
    const stats = lstatSync(folder, { throwIfNoEntry: false });
    if (!stats) return []; // a device that has not written such files yet
    if (!stats.isDirectory()) {
      skipped.push({ path: folder, reason: 'unreadable', detail: `not a folder${linkNote(stats)}` });
      return [];
    }
    names = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    skipped.push({ path: folder, reason: 'unreadable', detail: reason(error) });
    return [];
  }
  return names
    .map((entry) => entry.name)
    .filter(isName)
    .sort(compare)
    .map((name) => ({ device, name, path: join(folder, name) }));
}

/** Reads and verifies one file: header, count, end line's hash against the content and the name, device against the folder, every change; else why it is skipped. */
export function readChangeFile(file: FoundFile): ReadChangeFile | Skipped {
  const bytes = readWhole(file.path, MAX_CHANGE_FILE_BYTES, 'change file');
  const result = Buffer.isBuffer(bytes) ? decodeChangeFile(bytes, file.name, file.device) : bytes;
  return 'reason' in result ? { path: file.path, ...result } : result;
}

/** Reads and verifies one snapshot whole (snapshot-format.ts); else why it is skipped. */
export function readSnapshotFile(file: FoundFile): ReadSnapshot | Skipped {
  const bytes = readWhole(file.path, MAX_SNAPSHOT_BYTES, 'snapshot');
  const result = Buffer.isBuffer(bytes) ? decodeSnapshot(bytes, file.name, file.device) : bytes;
  return 'reason' in result ? { path: file.path, ...result } : result;
}

/** A snapshot's header, from the first bytes of the file alone (unverified: see decodeSnapshotHeader); else why not. */
export function readSnapshotHeader(file: FoundFile): SnapshotHeader | Skipped {
  const bytes = readWhole(file.path, MAX_SNAPSHOT_BYTES, 'snapshot', SNAPSHOT_HEADER_BYTES);
  const result = Buffer.isBuffer(bytes) ? decodeSnapshotHeader(bytes, file.name, file.device) : bytes;
  return 'reason' in result ? { path: file.path, ...result } : result;
}

/**
 * The file's bytes as of one moment (its first `upTo` bytes, where given); a file that changes
 * size while read whole is being written or downloaded.
 */
function readWhole(path: string, max: number, what: string, upTo?: number): Buffer | Refusal {
  let fd: number;
  try {
    const stats = lstatSync(path);
    if (!stats.isFile()) return { reason: 'unreadable', detail: `not a file${linkNote(stats)}` };
    // O_NOFOLLOW: a link put in its place since the lstat is refused, not followed. O_NONBLOCK: a
    // named pipe put there would block the open until someone wrote to it. Windows has neither.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { reason: 'unreadable', detail: reason(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { reason: 'unreadable', detail: 'not a file' };
    if (stats.size > max) return { reason: 'damaged', detail: `${stats.size} bytes: larger than any ${what} (${max})` };
    const bytes = Buffer.alloc(Math.min(stats.size, upTo ?? stats.size));
    let filled = 0;
    while (filled < bytes.length) {
      const got = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    if (filled < bytes.length || (upTo === undefined && readSync(fd, Buffer.alloc(1), 0, 1, bytes.length) !== 0)) {
      return { reason: 'incomplete', detail: 'its size changed while it was read: still being written or downloaded' };
    }
    return bytes;
  } catch (error) {
    // A placeholder whose download fails (offline, or its sync client not running) ends here too.
    return { reason: 'unreadable', detail: reason(error) };
  } finally {
    closeSync(fd);
  }
}

/** A folder below the share's root (the parts one name each), made where missing; never through a link. Publishing documents makes its folders so too. */
export function folderInShare(shareRoot: string, parts: readonly string[]): string {
  reachable(shareRoot);
  // Made step by step below the share's root, which is the user's choice and never made here: a
  // network share not mounted must not become a local folder under its mount point.
  let path = shareRoot;
  for (const part of parts) {
    path = join(path, part);
    let stats: Stats;
    try {
      stats = lstatSync(path, { throwIfNoEntry: false }) ?? makeFolder(path);
    } catch (error) {
      throw new ShareError(`Could not write to the share folder ${shareRoot}: ${path}: ${reason(error)}`);
    }
    if (!stats.isDirectory()) throw new ShareError(`Could not write to the share folder ${shareRoot}: ${path} is not a folder${linkNote(stats)}`);
  }
  return path;
}

/** Makes a folder and says what is there then: another process of this device may have made it meanwhile. */
function makeFolder(path: string): Stats {
  try {
    mkdirSync(path);
    flushFolder(dirname(path));
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  return lstatSync(path);
}

/** Whether the file is there already; something else under its name is in the way. */
function written(path: string, what: string): boolean {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new ShareError(`Could not write the ${what} ${path}: ${reason(error)}`);
  }
  if (stats && !stats.isFile()) throw new ShareError(`Could not write the ${what} ${path}: something else is in its place${linkNote(stats)}`);
  return stats !== undefined;
}

/**
 * Runs `act` (a rename or link in the share), again while a sync client or virus scanner holds the
 * file; returns what it returns. A ShareError it throws passes as it is; any other failure, or a
 * hold that outlasts the tries, is thrown as a ShareError starting with `failing` (what could not
 * be done, naming the path). Publishing documents puts its files in place through it too.
 */
export function whileHeld<T>(act: () => T, failing: string): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return act();
    } catch (error) {
      if (error instanceof ShareError) throw error;
      const code = errorCode(error);
      const held = code !== undefined && HELD.has(code);
      const wait = held ? RENAME_RETRY_MS[attempt] : undefined;
      if (wait === undefined) {
        const why = held ? `still held by another program (a sync client or virus scanner?) after ${attempt + 1} tries: ` : '';
        throw new ShareError(`${failing}: ${why}${reason(error)}`);
      }
      pause(wait);
    }
  }
}

/** Renames the temporary file to its name, unless a file is there already; retries while the file is held. */
function putInPlace(temporary: string, path: string, what: string, rename: (from: string, to: string) => void): void {
  try {
    whileHeld(() => {
      // A rename replaces what it finds: look first. Only this device writes here, and only this
      // content has this name, so at worst a concurrent write of the same bytes is replaced.
      if (!written(path, what)) rename(temporary, path);
    }, `Could not put the ${what} ${path} in place`);
  } finally {
    // Gone once renamed; otherwise removed where possible, and else by the next write's tidying.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // still held: left to the next write to the folder
    }
  }
}

/**
 * Flushes a folder's entries. A file system that cannot flush a folder (some network file systems
 * refuse with EINVAL and the like) keeps them in its own way, and the file is written already.
 */
export function flushFolder(folder: string): void {
  try {
    syncFolder(folder);
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES'].includes(errorCode(error) ?? '')) throw error;
  }
}

/** The share's root must be there and a folder; it is the user's choice, so a link to it is followed. */
function reachable(shareRoot: string): void {
  let stats: Stats;
  try {
    stats = statSync(shareRoot);
  } catch (error) {
    throw new ShareError(`The share folder ${shareRoot} cannot be reached: ${reason(error)}`);
  }
  if (!stats.isDirectory()) throw new ShareError(`The share folder ${shareRoot} cannot be reached: it is a file, not a folder`);
}

function entries(folder: string, shareRoot: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
  } catch (error) {
    throw new ShareError(`The share folder ${shareRoot} cannot be read: ${folder}: ${reason(error)}`);
  }
}

function linkNote(stats: Stats): string {
  return stats.isSymbolicLink() ? ' but a link: links in the share are not followed' : '';
}

/** Blocks the thread: the core's file work is synchronous, on its own thread. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

const REASONS: Record<string, string> = {
  ENOENT: 'it does not exist (a network share not connected, a drive removed?)',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'it is in use by another program',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'input/output error (a network share that went away?)',
  ESTALE: 'the network share went stale (connect it again)',
  ETIMEDOUT: 'the network timed out',
  EHOSTDOWN: 'the server is not reachable',
  EHOSTUNREACH: 'the server is not reachable',
  ELOOP: 'a link, which is not followed here, or a loop of links',
  ENAMETOOLONG: 'the path is too long',
  // Online-only files: macOS refuses to download a dataless file for some readers; Windows reports
  // an error Node does not know when the sync client that would download it is not running.
  EDEADLK: 'not downloaded (an online-only file?)',
  UNKNOWN: 'the system gave no reason (an online-only file whose sync client is not running?)',
};

/** A file system error in words, with its code for whoever must look further. */
export function reason(error: unknown): string {
  const code = errorCode(error);
  const words = code === undefined ? undefined : REASONS[code];
  return words ? `${words} (${code})` : error instanceof Error ? error.message : String(error);
}
