// This device introduces itself once in the data (user and machine name), through the write
// path so that colleagues learn it by sync: histories then say who changed what on which machine.
import { hostname, userInfo } from 'node:os';
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

/** How a history names a device: "user on machine", or the short id of one that never said. */
export function deviceLabel(row: { user_name: string; host_name: string } | undefined, deviceId: string): string {
  if (!row) return deviceId.slice(0, 8);
  return row.user_name ? `${row.user_name} on ${row.host_name}` : row.host_name;
}
