// Hybrid logical clock. Every change is stamped with one; the stamp orders changes across
// devices (the sync merge keeps the highest) and doubles as the change's unique id.
//
// A stamp is fixed-width text so that string order is time order:
//   <wall ms, 15 digits>-<counter, 10 digits>-<device id>
// The counter only grows within one millisecond; at its ceiling the clock borrows the next
// millisecond instead of overflowing (a known failure of 16-bit counters elsewhere).
//
// Stamps received from other devices move the clock forward, but never by more than a day past
// the local wall clock: one device with its clock set years ahead would otherwise drag every
// clock it syncs with into the future for good.

const MS_DIGITS = 15;
const COUNTER_DIGITS = 10;
const COUNTER_MAX = 10 ** COUNTER_DIGITS - 1;
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface ClockState {
  ms: number;
  counter: number;
}

/** What became of a remote stamp: taken into the clock, or held back for being too far ahead. */
export type ReceiveResult = { heldBack: false } | { heldBack: true; aheadMs: number };

export function formatStamp(state: ClockState, deviceId: string): string {
  return `${String(state.ms).padStart(MS_DIGITS, '0')}-${String(state.counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

export function parseStamp(stamp: string): ClockState & { deviceId: string } {
  const m = /^(\d{15})-(\d{10})-([0-9a-f]+)$/.exec(stamp);
  if (!m) throw new Error(`Not a clock stamp: ${stamp}`);
  return { ms: Number(m[1]), counter: Number(m[2]), deviceId: m[3]! };
}

export class HybridClock {
  private state: ClockState;
  private readonly deviceId: string;
  private readonly now: () => number;

  constructor(deviceId: string, last: ClockState | null, now: () => number = Date.now) {
    this.deviceId = deviceId;
    this.state = last ?? { ms: 0, counter: 0 };
    this.now = now;
  }

  /** The next stamp, later than every stamp this clock has given or been restored from. */
  next(): string {
    const wall = this.now();
    if (wall > this.state.ms) {
      this.state = { ms: wall, counter: 0 };
    } else if (this.state.counter < COUNTER_MAX) {
      this.state = { ms: this.state.ms, counter: this.state.counter + 1 };
    } else {
      this.state = { ms: this.state.ms + 1, counter: 0 };
    }
    return formatStamp(this.state, this.deviceId);
  }

  /**
   * Takes a stamp another device made, so that the next stamp here is later than it. A stamp more
   * than a day ahead of the wall clock here is held back and leaves the clock as it was: sync
   * parks its change until this clock catches up, and warns that one of the clocks is wrong.
   */
  receive(remoteStamp: string): ReceiveResult {
    const remote = parseStamp(remoteStamp);
    const aheadMs = remote.ms - this.now();
    if (aheadMs > MAX_AHEAD_MS) return { heldBack: true, aheadMs };
    this.catchUp(remote);
    return { heldBack: false };
  }

  /** Moves the clock past a state another writer persisted, so the next stamp is later than its last. */
  catchUp(other: ClockState): void {
    if (other.ms > this.state.ms || (other.ms === this.state.ms && other.counter > this.state.counter)) {
      // Only the clock's own fields: a parsed remote stamp also names its device, which is not
      // part of this clock's state and must not end up in what is persisted.
      this.state = { ms: other.ms, counter: other.counter };
    }
  }

  snapshot(): ClockState {
    return { ...this.state };
  }
}
