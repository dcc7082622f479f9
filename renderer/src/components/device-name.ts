// Who made a change, in the UI language: "Anna Berger on laptop-7" / "Anna Berger auf laptop-7".
import type { DeviceName } from '../../../shared/domain.ts';
import type { Translate } from '../i18n.ts';

export function deviceText(t: Translate, by: DeviceName): string {
  if (by.person && by.host) return t('device.personOnHost', { person: by.person, host: by.host });
  // A device that never introduced itself is known by the start of its id.
  return by.person || by.host || by.deviceId.slice(0, 8);
}
