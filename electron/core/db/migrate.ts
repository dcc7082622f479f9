import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to `target` (default: the latest of `migrations`), one migration per
 * transaction. Returns the versions it applied.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = migrations.length,
): number[] {
  const applied: number[] = [];
  for (let version = userVersion(db); version < target; version++) {
    const migration = migrations[version];
    if (!migration) throw new Error(`No migration from schema version ${version}`);
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version is part of the database header and so part of this transaction.
      db.pragma(`user_version = ${version + 1}`);
    })();
    applied.push(version + 1);
  }
  return applied;
}
