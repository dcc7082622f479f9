// The database as the app tells of it: its state for app.info (learned without creating a data
// folder that does not exist yet), and the restore of a backup in place of a damaged file.
import type { ParsedInput } from '../../../shared/api.ts';
import type { AppInfo } from '../../../shared/domain.ts';
import { readOnlyText } from '../../../shared/read-only-cause.ts';
import type { Context } from './context.ts';

export function appInfo(ctx: Context): AppInfo {
  const { store } = ctx;
  const status = store.status();
  const newest = store.backups()[0];
  return {
    version: ctx.appVersion,
    deviceId: status.deviceId,
    dataDir: store.dataDir,
    schemaVersion: store.schemaVersion,
    readOnly: status.readOnlyCause !== null,
    readOnlyCause: status.readOnlyCause,
    readOnlyReason: status.readOnlyCause && readOnlyText(status.readOnlyCause, 'en'),
    checking: status.checking,
    damaged: status.damaged,
    newestBackup: newest ? { file: newest.file, time: new Date(newest.time).toISOString() } : null,
  };
}

export function restoreBackup(ctx: Context, input: ParsedInput<'database.restoreBackup'>): { restored: string; damagedFile: string } {
  return { restored: input.file, damagedFile: ctx.store.restoreBackup(input.file) };
}
