// The rule that makes per-project numbers unique again after a sync (electron/core/sync/numbers.ts):
// the item made first keeps a shared number, later ones take the next free number, whatever
// order the rows come in.
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../electron/core/hlc.ts';
import { derivedBySync, renumber, type NumberedRow } from '../../electron/core/sync/numbers.ts';

const row = (id: string, number: number, formerNumbers: number[] = []): NumberedRow => ({ id, number, formerNumbers });
/** Creation stamps as the change log has them: wall time, counter, device. */
const at = Date.parse('2026-11-30T09:00:00Z');
const stamps: Record<string, string> = {
  a: formatStamp({ ms: at, counter: 0 }, 'aaaa'),
  b: formatStamp({ ms: at + 60_000, counter: 0 }, 'bbbb'),
  c: formatStamp({ ms: at + 120_000, counter: 0 }, 'aaaa'),
  d: formatStamp({ ms: at + 120_000, counter: 0 }, 'bbbb'),
  e: formatStamp({ ms: at + 180_000, counter: 0 }, 'cccc'),
};
const created = (id: string) => stamps[id]!;

describe('renumbering after a sync', () => {
  it('leaves unique numbers alone', () => {
    expect(renumber([row('a', 1), row('b', 2), row('c', 4)], created)).toEqual([]);
  });

  it('keeps a shared number with the item made first and gives the later ones the next free numbers, in the order they were made', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 1), row('d', 2), row('e', 1)];
    const expected = [
      { id: 'c', from: 1, number: 3, formerNumbers: [1] },
      { id: 'd', from: 2, number: 4, formerNumbers: [2] },
      { id: 'e', from: 1, number: 5, formerNumbers: [1] },
    ];
    expect(renumber(rows, created)).toEqual(expected);
    // Whatever order the rows arrived in.
    expect(renumber([...rows].reverse(), created)).toEqual(expected);
    expect(renumber([rows[3]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!], created)).toEqual(expected);
  });

  it('breaks a tie of the same moment by the device in the stamp', () => {
    // c and d were made in the same millisecond with the same counter on two devices.
    expect(renumber([row('d', 7), row('c', 7)], created)).toEqual([{ id: 'd', from: 7, number: 8, formerNumbers: [7] }]);
  });

  it('never gives a number the scope had before: former numbers count as taken, and an item renumbered again keeps every old number', () => {
    const rows = [row('a', 3), row('b', 5, [2, 9]), row('c', 5)];
    expect(renumber(rows, created)).toEqual([{ id: 'c', from: 5, number: 10, formerNumbers: [5] }]);
    expect(renumber([row('a', 4), row('b', 4, [1])], created)).toEqual([{ id: 'b', from: 4, number: 5, formerNumbers: [1, 4] }]);
  });

  it('asks for the creation stamp of clashing rows only', () => {
    const asked: string[] = [];
    renumber([row('a', 1), row('b', 2), row('c', 2)], (id) => {
      asked.push(id);
      return created(id);
    });
    expect(new Set(asked)).toEqual(new Set(['b', 'c']));
  });

  it('declares the numbers it writes as never a conflict, and nothing else', () => {
    expect(derivedBySync('requirement', 'number')).toBe(true);
    expect(derivedBySync('requirement', 'formerNumbers')).toBe(true);
    expect(derivedBySync('requirement', 'title')).toBe(false);
    expect(derivedBySync('customer', 'number')).toBe(false);
  });
});
