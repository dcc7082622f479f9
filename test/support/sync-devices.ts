// Devices for sync tests: each its own real data folder and wall clock (set by the test, as far off
// as it likes), syncing with a real shared directory through the API as the app does.
import { getTableName } from 'drizzle-orm';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core.ts';
import { ENTITIES } from '../../electron/core/db/entities.ts';
import { expect } from 'vitest';
import type { SyncConflict, SyncResult, SyncStatus } from '../../shared/sync.ts';
import { dumpDatabase, inspect, openTestCore, tempDir } from './temp-store.ts';

export interface Device {
  core: Core;
  clock: { ms: number };
  dataDir: string;
}

export const START = Date.parse('2026-11-30T09:00:00Z');

export function device(startMs = START, dataDir = tempDir()): Device {
  const clock = { ms: startMs };
  return { core: openTestCore(dataDir, { now: () => clock.ms }), clock, dataDir };
}

/** The same data folder opened again (after its file was copied or replaced), with the device's clock. */
export function reopen(d: Device): Device {
  d.core.close();
  return { ...d, core: openTestCore(d.dataDir, { now: () => d.clock.ms }) };
}

export const sync = async (d: Device, share: string, options: { snapshot?: boolean } = {}) => (await d.core.call('sync.run', { share, ...options })) as SyncResult;

export const deviceId = (d: Device): string => d.core.store.deviceId;

/**
 * Syncs the devices in turn until a whole round moves nothing. A renumbering made while syncing
 * goes out with the device's next sync, so this takes a few rounds.
 */
export async function syncUntilQuiet(devices: readonly Device[], share: string): Promise<void> {
  for (let round = 0; round < 10; round++) {
    let moved = 0;
    for (const d of devices) {
      const result = await sync(d, share);
      moved += result.sent.changes + result.received.changes;
    }
    if (moved === 0) {
      for (const d of devices) expect((d.core.call('sync.status', {}) as SyncStatus).waiting).toBe(0);
      return;
    }
  }
  throw new Error('The devices did not settle in ten rounds');
}

/** A device's folder in the share, and the files in one of its subfolders ('changes', 'snapshots'). */
export function shareFiles(share: string, device: string, folder: 'changes' | 'snapshots'): string[] {
  try {
    return readdirSync(join(share, 'fieldbook', 'devices', device, folder)).sort();
  } catch {
    return [];
  }
}

/**
 * What devices that converged agree on: the domain tables as the app shows them and the conflicts
 * list; with `changes`, every change each holds too (a device that started from a snapshot holds
 * only those the snapshot kept). `devices` limits the device table to those ids (each device
 * introduces itself: a newcomer's own row is its own).
 */
export function sharedState(core: Core, options: { changes?: boolean; devices?: readonly string[] } = {}): Record<string, unknown[]> {
  const dump = dumpDatabase(core);
  const state: Record<string, unknown[]> = {};
  for (const table of Object.values(ENTITIES).map(getTableName)) {
    const rows = (dump[table] ?? []) as { id: string }[];
    const kept = table === 'device' && options.devices ? rows.filter((r) => options.devices!.includes(r.id)) : rows;
    state[table] = [...kept].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (options.changes) state.changes = inspect(core).prepare('SELECT stamp, device_id, entity, row_id, field, value FROM change_log ORDER BY stamp').all();
  state.conflicts = core.call('conflicts.list', {}) as SyncConflict[];
  return state;
}

/** How many changes a device's change log holds. */
export function changeCount(core: Core): number {
  return (inspect(core).prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

/** A small deterministic random source (mulberry32), so a failing run can be replayed by its seed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
