// This device introduces itself once in the data (user and machine name), through the write
// path so that colleagues learn it by sync: histories then say who changed what on which machine.
// The consultant's profile (name, e-mail, role) lives on the same row: it is this installation's.
import { eq } from 'drizzle-orm';
import { hostname, userInfo } from 'node:os';
import type { ParsedInput } from '../../shared/api.ts';
import type { DeviceName, Profile } from '../../shared/domain.ts';
import type { Context } from './api/context.ts';
import { changesFor } from './api/context.ts';
import * as t from './db/tables/index.ts';
import type { Store } from './store.ts';

type DeviceRow = typeof t.device.$inferSelect;

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the machine name alone still tells devices apart.
    return '';
  }
}

/** Called by the store each time the database becomes writable (never before: it creates nothing). */
export function introduceDevice(store: Store): void {
  const me = { userName: currentUser(), hostName: hostname() };
  const row = deviceRow(store, store.deviceId);
  if (row && row.userName === me.userName && row.hostName === me.hostName) return;
  store.apply([
    { entity: 'device', id: store.deviceId, field: 'userName', value: me.userName },
    { entity: 'device', id: store.deviceId, field: 'hostName', value: me.hostName },
  ]);
}

/**
 * Gives this installation a new device id (another one uses its id: a copied laptop image, or this
 * database restored from a backup; sync/device-copy.ts). The new id's row takes this machine's
 * names and the profile and shared folder of the old id's row, which stays as it is: the other
 * installation goes on under it. Returns the new id.
 */
export function takeNewDeviceId(store: Store, inShare: ReadonlySet<string>): string {
  const old = deviceRow(store, store.deviceId);
  return store.changeDeviceId(inShare, (id) =>
    changesFor('device', id, {
      userName: currentUser(),
      hostName: hostname(),
      personName: old?.personName,
      email: old?.email,
      role: old?.role,
      sharePath: old?.sharePath,
    }),
  );
}

function deviceRow(store: Store, deviceId: string): DeviceRow | undefined {
  return store.orm.select().from(t.device).where(eq(t.device.id, deviceId)).get();
}

/** How a history names a device: the person (the profile's name, else the system user) and the machine; empty for one that never said. */
export function deviceLabel(row: Pick<DeviceRow, 'userName' | 'hostName' | 'personName'> | undefined, deviceId: string): DeviceName {
  return { person: row ? row.personName || row.userName : '', host: row?.hostName ?? '', deviceId };
}

/** Who this installation's consultant is, for documents and comments: the profile's name, else the system user. */
export function authorName(store: Store): string {
  const row = deviceRow(store, store.deviceId);
  return row?.personName || row?.userName || row?.hostName || store.deviceId.slice(0, 8);
}

export function getProfile(ctx: Context): Profile {
  const row = deviceRow(ctx.store, ctx.store.deviceId);
  return { name: row?.personName ?? '', email: row?.email ?? '', role: row?.role ?? '' };
}

export function saveProfile(ctx: Context, input: ParsedInput<'profile.save'>): Profile {
  ctx.store.apply(changesFor('device', ctx.store.deviceId, { personName: input.name, email: input.email, role: input.role }));
  return getProfile(ctx);
}
