// This device introduces itself once in the data (user and machine name), through the write
// path so that colleagues learn it by sync: histories then say who changed what on which machine.
// The consultant's profile (name, e-mail, role) lives on the same row: it is this installation's.
import { hostname, userInfo } from 'node:os';
import type { ParsedInput } from '../../shared/api.ts';
import type { Profile } from '../../shared/domain.ts';
import type { Context } from './api/context.ts';
import { changesFor } from './api/context.ts';
import type { Store } from './store.ts';

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the machine name alone still tells devices apart.
    return '';
  }
}

export function introduceDevice(store: Store): void {
  if (store.readOnly) return;
  const me = { userName: currentUser(), hostName: hostname() };
  const row = store.db.prepare('SELECT user_name, host_name FROM device WHERE id = ?').get(store.deviceId) as
    | { user_name: string; host_name: string }
    | undefined;
  if (row && row.user_name === me.userName && row.host_name === me.hostName) return;
  store.apply([
    { entity: 'device', id: store.deviceId, field: 'userName', value: me.userName },
    { entity: 'device', id: store.deviceId, field: 'hostName', value: me.hostName },
  ]);
}

interface DeviceRow {
  user_name: string;
  host_name: string;
  person_name: string;
  email: string;
  role: string;
}

function deviceRow(store: Store, deviceId: string): DeviceRow | undefined {
  return store.db.prepare('SELECT user_name, host_name, person_name, email, role FROM device WHERE id = ?').get(deviceId) as DeviceRow | undefined;
}

/** How a history names a device: "name on machine" (the profile's name, else the system user), or the short id of one that never said. */
export function deviceLabel(row: Pick<DeviceRow, 'user_name' | 'host_name' | 'person_name'> | undefined, deviceId: string): string {
  if (!row) return deviceId.slice(0, 8);
  const who = row.person_name || row.user_name;
  return who ? `${who} on ${row.host_name}` : row.host_name;
}

/** Who this installation's consultant is, for documents and comments: the profile's name, else the system user. */
export function authorName(store: Store): string {
  const row = deviceRow(store, store.deviceId);
  return row?.person_name || row?.user_name || deviceLabel(row, store.deviceId);
}

export function getProfile(ctx: Context): Profile {
  const row = deviceRow(ctx.store, ctx.store.deviceId);
  return { name: row?.person_name ?? '', email: row?.email ?? '', role: row?.role ?? '' };
}

export function saveProfile(ctx: Context, input: ParsedInput<'profile.save'>): Profile {
  ctx.store.apply(changesFor('device', ctx.store.deviceId, { personName: input.name, email: input.email, role: input.role }));
  return getProfile(ctx);
}
