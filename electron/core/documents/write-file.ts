// A made document appears under its name whole or not at all. It is first written in full under
// a temporary name in the same folder and flushed to disk; the export puts it in place (a rename,
// atomic on one file system) in the transaction that records its version, so a recorded version
// always has its file. A process killed before that leaves at most a temporary file, which the
// next export to the folder removes. Sync writes its change files into the share the same way
// (electron/core/sync/change-files.ts).
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/errors.ts';

/** A file written whole under its temporary name, waiting to be put in place or thrown away. */
export interface PendingFile {
  /** Renames it over the target; errors name the field that gave the path. */
  commit(): void;
  /** Removes the temporary file, if it is still there. */
  discard(): void;
}

/**
 * This machine in a temporary file's name: a process id says whether its writer still runs only on
 * the machine that wrote it (a folder on a network share is written by others too).
 */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/**
 * Temporary names are `.<start of the name>.<host>.<pid>.<16 random hex>.fieldbook-part`: random,
 * so that nobody can place a file or link under the name beforehand (it is opened exclusively
 * too), and of one pattern, so that the next export recognises what an earlier one left.
 */
const TEMPORARY = /^\..*\.([0-9a-f]{8})\.([0-9]+)\.[0-9a-f]{16}\.fieldbook-part$/s;

/**
 * A live export's temporary file exists from its writing until its rename: seconds, at most the
 * database's busy timeout (5 s) longer while another process holds the write lock. One that is
 * older than this was left by an export that died, whoever wrote it.
 */
const STALE_AFTER_MS = 10 * 60_000;

function temporaryPath(path: string): string {
  // The start of the name is enough to recognise it, and keeps the name within 255 bytes.
  const start = [...basename(path)].slice(0, 40).join('');
  return join(dirname(path), `.${start}.${HOST}.${process.pid}.${randomBytes(8).toString('hex')}.fieldbook-part`);
}

/** Whether a process of this id runs on this machine (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files of ours left in the folder by exports that died: older than
 * STALE_AFTER_MS, or written on this machine by a process that no longer runs. A concurrent live
 * export's file is neither, and files of any other pattern are never touched.
 */
function removeStale(folder: string): void {
  const now = Date.now();
  for (const name of readdirSync(folder)) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const file = join(folder, name);
    const written = statSync(file, { throwIfNoEntry: false });
    if (!written) continue; // removed meanwhile by another export
    if (now - written.mtimeMs > STALE_AFTER_MS || (match[1] === HOST && !running(Number(match[2])))) rmSync(file, { force: true });
  }
}

/** Flushes the folder's entry for a renamed file, so that the rename outlives a power cut. */
export function syncFolder(folder: string): void {
  // Windows opens no folder as a file; NTFS keeps the rename in its own journal.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file could not be saved, in words, naming the field that gave its path. `replacing`: the
 * file was written in full and only putting it in place failed.
 */
export function cannotSave(error: unknown, field: string, path: string, replacing: boolean): ApiError {
  const folder = dirname(path);
  const reasons: Record<string, string> = replacing
    ? {
        EISDIR: `${path} is a folder, not a file name`,
        EACCES: `${path} cannot be replaced: it is write-protected or open in another program`,
        EPERM: `${path} cannot be replaced: it is write-protected or open in another program`,
        EBUSY: `${path} cannot be replaced: it is open in another program`,
      }
    : {
        ENOENT: `the folder ${folder} does not exist`,
        ENOTDIR: `the folder ${folder} does not exist`,
        EISDIR: `${path} is a folder, not a file name`,
        EACCES: `the folder ${folder} is not writable (permission denied)`,
        EPERM: `the folder ${folder} is not writable (permission denied)`,
        EROFS: `the folder ${folder} is not writable (read-only file system)`,
        ENOSPC: `the disk is full: no room for ${path}`,
        EDQUOT: `the disk quota is used up: no room for ${path}`,
      };
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === undefined ? undefined : reasons[code];
  return reason ? refused(field, reason) : new ApiError({ code: 'internal', field, message: `${field}: ${path} could not be written: ${(error as Error).message}` });
}

/** Where to save is the caller's choice, and one they can change: a refusal of their input. */
function refused(field: string, reason: string): ApiError {
  return new ApiError({ code: 'invalid_input', field, message: `${field}: ${reason}` });
}

/**
 * Refuses a path the file could not be saved under, as far as can be told without writing: the
 * folder is missing or not writable, or the path is a folder. Asked before a long rendering, and
 * again before writing, as the folder may have changed meanwhile.
 */
export function checkSaveable(path: string, field: string): void {
  try {
    // A rename onto a folder would fail only once the file is written.
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    throw cannotSave(error, field, path, false);
  }
}

/**
 * Writes the bytes in full and flushed under a new temporary name beside `path`, and returns that
 * name; then removes what earlier writers that died left in the folder. Errors are the file
 * system's own (the caller words them for its user), and leave no temporary file.
 */
export function writeTemporary(path: string, bytes: Buffer): string {
  const temporary = temporaryPath(path);
  const fd = openSync(temporary, 'wx');
  try {
    try {
      // One write may take only part of the bytes (a network file system may): write the rest.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  try {
    removeStale(dirname(path));
  } catch {
    // Tidying up is a courtesy: a folder we may write to but not list (or a file of ours we may
    // not remove) is no reason to fail the write.
  }
  return temporary;
}

/**
 * Writes the bytes in full under a temporary name beside `path`; nothing appears under `path`
 * until commit. Errors are ApiErrors naming `field`, and leave no temporary file.
 */
export function writePending(path: string, bytes: Buffer, field: string): PendingFile {
  checkSaveable(path, field);
  let temporary: string;
  try {
    temporary = writeTemporary(path, bytes);
  } catch (error) {
    throw cannotSave(error, field, path, false);
  }
  return {
    commit: () => {
      try {
        renameSync(temporary, path);
        syncFolder(dirname(path));
      } catch (error) {
        throw cannotSave(error, field, path, true);
      }
    },
    discard: () => rmSync(temporary, { force: true }),
  };
}
