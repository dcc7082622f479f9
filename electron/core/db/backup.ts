// Backups of the database, and putting one back in place of a damaged file.
//   - Automatic: after a check has found the file whole, when the newest backup is more than a day
//     old, SQLite's online backup copies the database into backups/ of the data folder, a few
//     hundred pages at a time between the calls the core answers (better-sqlite3's db.backup).
//     It is written under a temporary name and renamed when complete; the last 7 are kept.
//   - Before a schema upgrade: fieldbook.sqlite.v<N>-<time>.bak beside the database (open.ts).
// A restore checks the backup's copy before anything else changes, then renames the damaged file
// (and its journal files) aside, never deleting them, and puts the copy in its place.
import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/errors.ts';
import { quickCheck } from './check.ts';
import { DATABASE_FILE, JOURNAL_SUFFIXES } from './open.ts';

const BACKUPS_DIR = 'backups';
const KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const PARTIAL = '.partial';

export interface Backup {
  /** Its path inside the data folder, as the API names it. */
  file: string;
  /** When it was made (ms since the epoch). */
  time: number;
}

/** 2026-11-30T13-48-05Z: UTC (names sort as times do, whatever the time zone), no colons (Windows). */
function stamp(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

const AUTOMATIC = /^fieldbook-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.sqlite$/;
const PRE_UPGRADE = new RegExp(`^${DATABASE_FILE.replaceAll('.', '\\.')}\\.v\\d+-(\\d+)\\.bak$`);

function filesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}

/** Every backup in the data folder, newest first. */
export function listBackups(dataDir: string): Backup[] {
  const backups: Backup[] = [];
  for (const name of filesIn(join(dataDir, BACKUPS_DIR))) {
    const m = AUTOMATIC.exec(name);
    if (m) backups.push({ file: `${BACKUPS_DIR}/${name}`, time: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) });
  }
  for (const name of filesIn(dataDir)) {
    const m = PRE_UPGRADE.exec(name);
    if (m) backups.push({ file: name, time: Number(m[1]) });
  }
  return backups.sort((a, b) => b.time - a.time);
}

/**
 * Starts a backup of `db` when the newest is more than a day old (at `now`); null when none is
 * due. The promise settles when it is complete (or failed, or cut short by closing `db`, which
 * removes the unfinished file).
 */
export function backUpIfDue(db: Database.Database, dataDir: string, now: number): Promise<void> | null {
  const newest = listBackups(dataDir)[0];
  if (newest && now - newest.time < DAY_MS) return null;
  const folder = join(dataDir, BACKUPS_DIR);
  mkdirSync(folder, { recursive: true });
  // A backup cut short by the end of the process is never taken for one.
  for (const name of filesIn(folder)) if (name.endsWith(PARTIAL)) rmSync(join(folder, name), { force: true });
  const name = `fieldbook-${stamp(now)}.sqlite`;
  const partial = join(folder, name + PARTIAL);
  return db.backup(partial).then(
    () => {
      renameSync(partial, join(folder, name));
      const automatic = filesIn(folder).filter((f) => AUTOMATIC.test(f)).sort().reverse();
      for (const old of automatic.slice(KEEP)) rmSync(join(folder, old));
    },
    (error: unknown) => {
      rmSync(partial, { force: true });
      throw error;
    },
  );
}

/**
 * A checked copy of `backup` beside the database, ready to take its place (putInPlace). A damaged
 * backup is refused, and nothing has changed.
 */
export function prepareRestore(dataDir: string, backup: Backup): string {
  const incoming = join(dataDir, `${DATABASE_FILE}.restoring`);
  copyFileSync(join(dataDir, backup.file), incoming);
  const check = quickCheck(incoming, { readOnly: false });
  if (check.state !== 'whole') {
    rmSync(incoming);
    const found = check.state === 'damaged' ? check.problems[0] : check.error;
    throw new ApiError({ code: 'database_corrupt', field: 'file', message: `file: the backup ${backup.file} cannot be used either (${found}). Nothing has been changed.` });
  }
  return incoming;
}

/**
 * Puts the copy made by prepareRestore in place of the damaged database, which nobody may have
 * open. The damaged file and its journal files are renamed aside, never deleted; returns where
 * the file is kept.
 */
export function putInPlace(dataDir: string, incoming: string, now: number): string {
  const file = join(dataDir, DATABASE_FILE);
  const aside = `${file}.damaged-${stamp(now)}`;
  // The journal files first: a journal left beside a database that is not its own would be read
  // into it. Named as SQLite expects, so that the damaged file opens with its journal.
  for (const suffix of JOURNAL_SUFFIXES) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  try {
    // A second name for the damaged file, then the copy renamed over the first: at no moment is
    // there no database, which the next start would take for a new, empty one.
    linkSync(file, aside);
  } catch {
    // A file system without hard links (FAT, exFAT): renamed aside, then replaced at once.
    renameSync(file, aside);
  }
  renameSync(incoming, file);
  return aside;
}
