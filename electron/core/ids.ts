// Row ids are UUIDv7: random enough to merge data from many laptops without collisions, and
// time-ordered so that new rows land at the end of SQLite's indexes.
import { randomBytes } from 'node:crypto';

export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  // 48-bit big-endian Unix milliseconds.
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This installation's device id: 16 random hex digits, made once at first start. */
export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}
