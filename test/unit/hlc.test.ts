import { describe, expect, it } from 'vitest';
import { HybridClock, parseStamp } from '../../electron/core/hlc.ts';

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
