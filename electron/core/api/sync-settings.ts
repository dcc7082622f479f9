// This device's shared folder and where it stands with it: the folder is kept on the device's own
// row (through the write path, like the profile), the last sync and what waits to be sent are read
// from the bookkeeping the sync keeps. Looking at the folder only asks whether it is there: a
// share that is not mounted right now is normal, and nothing is ever written to find out.
import { and, count, eq, gt } from 'drizzle-orm';
import { statSync } from 'node:fs';
import type { ParsedInput } from '../../../shared/api.ts';
import type { SyncResult, SyncStatus } from '../../../shared/sync.ts';
import * as t from '../db/tables/index.ts';
import { EXPORTED_KEY, LAST_SYNC_KEY } from '../write-path.ts';
import { listConflicts } from './conflicts.ts';
import { changesFor, type Context } from './context.ts';

function metaValue(ctx: Context, key: string): string | undefined {
  return ctx.store.orm.select({ value: t.meta.value }).from(t.meta).where(eq(t.meta.key, key)).get()?.value;
}

function lastSync(ctx: Context): SyncResult | null {
  const saved = metaValue(ctx, LAST_SYNC_KEY);
  if (saved === undefined) return null;
  try {
    return JSON.parse(saved) as SyncResult;
  } catch {
    return null;
  }
}

/** Whether the folder is there and is a folder; asks nothing else of it. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function syncStatus(ctx: Context): SyncStatus {
  const deviceId = ctx.store.deviceId;
  const sharePath = ctx.store.orm.select({ sharePath: t.device.sharePath }).from(t.device).where(eq(t.device.id, deviceId)).get()?.sharePath ?? '';
  const exported = Number(metaValue(ctx, EXPORTED_KEY) ?? 0);
  const waiting =
    ctx.store.orm
      .select({ n: count() })
      .from(t.changeLog)
      .where(and(eq(t.changeLog.deviceId, deviceId), gt(t.changeLog.seq, exported)))
      .get()?.n ?? 0;
  return {
    sharePath,
    lastSync: lastSync(ctx),
    waiting,
    reachable: sharePath === '' ? null : isFolder(sharePath),
    conflicts: listConflicts(ctx).length,
  };
}

export function configureSync(ctx: Context, input: ParsedInput<'sync.configure'>): SyncStatus {
  ctx.store.apply(changesFor('device', ctx.store.deviceId, { sharePath: input.sharePath }));
  return syncStatus(ctx);
}
