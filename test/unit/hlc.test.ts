import { describe, expect, it } from 'vitest';
import { HybridClock, formatStamp, parseStamp } from '../../electron/core/hlc.ts';

describe('hybrid logical clock', () => {
  it('orders stamps by wall time, then counter', () => {
    let wall = 1_000;
    const clock = new HybridClock('aa', null, () => wall);
    const a = clock.next();
    const b = clock.next();
    wall = 2_000;
    const c = clock.next();
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(parseStamp(b)).toEqual({ ms: 1_000, counter: 1, deviceId: 'aa' });
  });

  it('never goes backwards when the wall clock does', () => {
    let wall = 5_000;
    const clock = new HybridClock('aa', null, () => wall);
    const before = clock.next();
    wall = 1_000;
    const after = clock.next();
    expect(after > before).toBe(true);
    expect(parseStamp(after).ms).toBe(5_000);
  });

  it('continues after a restored state even if the wall clock is behind it', () => {
    const clock = new HybridClock('aa', { ms: 9_000, counter: 7 }, () => 10);
    expect(parseStamp(clock.next())).toMatchObject({ ms: 9_000, counter: 8 });
  });

  it('borrows the next millisecond instead of overflowing the counter', () => {
    const clock = new HybridClock('aa', { ms: 1_000, counter: 9_999_999_999 }, () => 1_000);
    const stamp = clock.next();
    expect(parseStamp(stamp)).toMatchObject({ ms: 1_001, counter: 0 });
  });

  it('keeps 200k stamps in one millisecond strictly increasing', () => {
    const clock = new HybridClock('aa', null, () => 42);
    let previous = clock.next();
    for (let i = 0; i < 200_000; i++) {
      const next = clock.next();
      if (!(next > previous)) throw new Error(`stamp ${next} not after ${previous}`);
      previous = next;
    }
    expect(parseStamp(previous).counter).toBe(200_000);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;
const NOW = Date.UTC(2026, 10, 24, 9, 30);
const remote = (ms: number, counter = 0): string => formatStamp({ ms, counter }, 'ff');

function expectStrictlyIncreasing(stamps: string[]): void {
  for (let i = 1; i < stamps.length; i++) if (!(stamps[i]! > stamps[i - 1]!)) throw new Error(`stamp ${stamps[i]} not after ${stamps[i - 1]}`);
}

describe('hybrid logical clock receiving remote stamps', () => {
  it('stamps after every remote stamp it has received, newer or older than its own', () => {
    const clock = new HybridClock('aa', null, () => NOW);
    const newer = remote(NOW + 60_000, 41);
    expect(clock.receive(newer)).toEqual({ heldBack: false });
    expect(clock.receive(remote(NOW - 60_000, 99))).toEqual({ heldBack: false });
    expect(clock.snapshot()).toEqual({ ms: NOW + 60_000, counter: 41 }); // what is persisted: no remote device id
    const next = clock.next();
    expect(next > newer).toBe(true);
    expect(parseStamp(next)).toMatchObject({ ms: NOW + 60_000, counter: 42, deviceId: 'aa' });
  });

  it('holds back a stamp from a clock a year ahead and goes on stamping at its own time', () => {
    const clock = new HybridClock('aa', null, () => NOW);
    const before = clock.next();
    expect(clock.receive(remote(NOW + YEAR))).toEqual({ heldBack: true, aheadMs: YEAR });
    const after = clock.next();
    expect(after > before).toBe(true);
    expect(parseStamp(after)).toMatchObject({ ms: NOW, counter: 1 });
  });

  it('is not poisoned by a held-back far-future stamp: later stamps follow real time', () => {
    let wall = NOW;
    const clock = new HybridClock('aa', null, () => wall);
    clock.next();
    const state = clock.snapshot();
    expect(clock.receive(remote(NOW + 10 * YEAR, 5)).heldBack).toBe(true);
    expect(clock.snapshot()).toEqual(state);
    wall = NOW + 1_000;
    expect(clock.receive(remote(NOW + 500, 3))).toEqual({ heldBack: false });
    expect(parseStamp(clock.next())).toMatchObject({ ms: NOW + 1_000, counter: 0 });
    // The same stamp is taken once the local clock has come within a day of it.
    wall = NOW + 10 * YEAR - DAY;
    expect(clock.receive(remote(NOW + 10 * YEAR, 5))).toEqual({ heldBack: false });
    expect(parseStamp(clock.next())).toMatchObject({ ms: NOW + 10 * YEAR, counter: 6 });
  });

  it('keeps syncing with a local clock a day behind, its stamps after the others and increasing', () => {
    let wall = NOW - DAY; // this laptop's clock; the others stamp at NOW
    const clock = new HybridClock('aa', null, () => wall);
    expect(clock.receive(remote(NOW, 7))).toEqual({ heldBack: false });
    expect(clock.receive(remote(NOW + 1))).toEqual({ heldBack: true, aheadMs: DAY + 1 });
    const stamps = [remote(NOW, 7)];
    for (let i = 0; i < 1_000; i++) {
      wall += 10; // the local clock runs on, still behind
      stamps.push(clock.next());
    }
    expectStrictlyIncreasing(stamps);
    expect(parseStamp(stamps.at(-1)!)).toMatchObject({ ms: NOW, counter: 1_007 });
  });

  it('keeps stamps increasing when the wall clock jumps backwards after a remote stamp', () => {
    let wall = NOW;
    const clock = new HybridClock('aa', null, () => wall);
    const stamps = [clock.next()];
    clock.receive(remote(NOW + 3_600_000));
    stamps.push(remote(NOW + 3_600_000), clock.next());
    wall = NOW - 7 * DAY; // set back by a week
    stamps.push(clock.next(), clock.next());
    wall = NOW + 3_600_001; // and forward again, past the remote stamp
    stamps.push(clock.next());
    expectStrictlyIncreasing(stamps);
    expect(parseStamp(stamps.at(-1)!)).toMatchObject({ ms: NOW + 3_600_001, counter: 0 });
  });

  it('keeps 200k stamps in one millisecond increasing as strings after a remote counter near its ceiling', () => {
    const clock = new HybridClock('aa', null, () => NOW);
    clock.receive(remote(NOW, 9_999_900_000));
    const stamps = Array.from({ length: 200_000 }, () => clock.next());
    expectStrictlyIncreasing(stamps);
    expect(new Set(stamps.map((s) => s.length))).toEqual(new Set([stamps[0]!.length]));
    expect(parseStamp(stamps.at(-1)!)).toMatchObject({ ms: NOW + 1, counter: 100_000 });
  });

  it('refuses something that is not a stamp, changing nothing', () => {
    const clock = new HybridClock('aa', { ms: NOW, counter: 3 }, () => NOW);
    expect(() => clock.receive('99999999999999999999-1-ff')).toThrow(/Not a clock stamp/);
    expect(clock.snapshot()).toEqual({ ms: NOW, counter: 3 });
  });
});
