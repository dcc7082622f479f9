// A data folder with data in it, and the damage a disk error or a copy cut short does to it: for
// the database-safety tests and the banner's end-to-end test.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreOptions } from '../../electron/core/core.ts';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import { openTestCore, tempDir } from './temp-store.ts';

export const SEEDED_CUSTOMERS = 60;

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data folder with customers and a change log of a few pages, closed (its journal written into the file). */
export function seededDataDir(options: Partial<CoreOptions> = {}, dir = tempDir()): string {
  const core = openTestCore(dir, options);
  for (let i = 0; i < SEEDED_CUSTOMERS; i++) core.call('customers.create', { name: `Customer ${i}`, notes: `Notes on customer ${i}: `.repeat(8) });
  core.close();
  return dir;
}

/**
 * Overwrites one page in the middle of the change log with noise, as a disk error or a copy cut
 * short would: the file still opens and its schema reads, the customers read too, and only a
 * check of every page finds the damage. Returns the file's SHA-256 after the damage.
 */
export function damageChangeLog(dir: string): string {
  const file = join(dir, DATABASE_FILE);
  // Connections that can write (and write nothing): closing, they remove the journal files they made.
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'change_log' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
  db.close();
  if (leaves.length < 3) throw new Error(`the change log has ${leaves.length} pages; a page in its middle is to be damaged`);
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const bytes = readFileSync(file);
  for (let i = 0; i < pageSize; i++) bytes[(page - 1) * pageSize + i] = (i * 7 + 13) & 0xff;
  writeFileSync(file, bytes);

  const check = new Database(file);
  check.prepare('SELECT count(*) FROM sqlite_schema').get();
  const verdict = check.pragma('quick_check', { simple: true });
  check.close();
  if (verdict === 'ok') throw new Error('the damage went unnoticed by quick_check');
  return sha256(file);
}
