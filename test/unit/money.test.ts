// Exact money: one rounding rule applied once per line, sums without a lost cent, splits that add
// up, and amounts written as each language writes them.
import { describe, expect, it } from 'vitest';
import { allocate, formatAmount, formatDays, formatMoney, formatPercent, lineTotal, minorDigits, parseDecimal, shareOf, sum } from '../../shared/money.ts';
import { sowTotals } from '../../shared/sows/totals.ts';

/** A small deterministic generator (mulberry32): the same 10,000 lines on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the rounding rule', () => {
  it('rounds a line half away from zero, once', () => {
    // 1.5 days at 333.33: 499.995 → 500.00; 0.25 days at 0.02: 0.005 → 0.01; 0.25 at 0.01: 0.0025 → 0.00.
    expect(lineTotal(150, 33_333)).toBe(50_000);
    expect(lineTotal(25, 2)).toBe(1);
    expect(lineTotal(25, 1)).toBe(0);
    expect(lineTotal(1, -50)).toBe(-1);
    expect(shareOf(12_345, 5_000)).toBe(6_173);
  });

  it('loses no cent over 10,000 lines: the total is the exact sum of the lines as shown', () => {
    const next = random(42);
    const lines = Array.from({ length: 10_000 }, (_, i) => ({
      id: String(i),
      role: `Role ${i % 7}`,
      // Quarter days up to 20 days, rates from 0.01 to 2,000.00 with odd cents.
      dayHundredths: 25 * Math.floor(next() * 80 + 1),
      rateMinor: Math.floor(next() * 200_000) + 1,
    }));
    const totals = sowTotals({ discountBasisPoints: 1_250, expensesMode: 'perTrip', expensesMinor: 45_050, expensesTrips: 7 }, lines, [
      { id: 'a', percentBasisPoints: 3_333 },
      { id: 'b', percentBasisPoints: 3_333 },
      { id: 'c', percentBasisPoints: 3_334 },
    ]);
    // Reference in decimal arithmetic of its own: each line's exact value in ten-thousandths of a
    // cent, rounded half up (all positive) to a cent, then added up.
    const exactCents = lines.map((l) => {
      const exact = BigInt(l.dayHundredths) * BigInt(l.rateMinor); // cents × 100
      return Number((exact + 50n) / 100n);
    });
    expect(totals.lines.map((l) => l.totalMinor)).toEqual(exactCents);
    expect(totals.subtotalMinor).toBe(exactCents.reduce((a, b) => a + b, 0));
    expect(totals.byRole.reduce((a, r) => a + r.totalMinor, 0)).toBe(totals.subtotalMinor);
    expect(totals.totalMinor).toBe(totals.subtotalMinor - totals.discountMinor + 7 * 45_050);
    expect(totals.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(totals.totalMinor);
  });
});

describe('splitting an amount', () => {
  it('gives parts that add up to the amount, the largest remainders taking the cents left over', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1_000, [3_000, 3_000, 4_000])).toEqual([300, 300, 400]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const next = random(7);
    for (let run = 0; run < 1_000; run++) {
      const total = Math.floor(next() * 10_000_000);
      const weights = Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.floor(next() * 10_000));
      if (sum(weights) === 0) weights[0] = 1;
      const parts = allocate(total, weights);
      expect(sum(parts)).toBe(total);
      // Every part is within a cent of its exact share.
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum(weights))).toBeLessThan(1));
    }
  });

  it('splits a payment schedule of 100 % exactly, and shows each share alone while it does not add up', () => {
    const lines = [{ id: 'l', role: 'Consultant', dayHundredths: 100, rateMinor: 100_001 }];
    const terms = { discountBasisPoints: 0, expensesMode: 'none' as const, expensesMinor: 0, expensesTrips: 0 };
    const complete = sowTotals(terms, lines, [
      { id: 'a', percentBasisPoints: 3_333 },
      { id: 'b', percentBasisPoints: 6_667 },
    ]);
    expect(complete.paymentBasisPoints).toBe(10_000);
    expect(complete.payments.map((p) => p.amountMinor)).toEqual([33_330, 66_671]);
    const partial = sowTotals(terms, lines, [{ id: 'a', percentBasisPoints: 3_000 }]);
    expect(partial.paymentBasisPoints).toBe(3_000);
    expect(partial.payments).toEqual([{ id: 'a', amountMinor: 30_000 }]);
  });
});

describe('writing amounts', () => {
  it('writes money, days and percentages as each language does', () => {
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(minorDigits('EUR')).toBe(2);
    expect(nbsp(formatMoney(123_450, 'EUR', 'de'))).toBe('1.234,50 EUR');
    expect(nbsp(formatMoney(123_450, 'EUR', 'en'))).toBe('EUR 1,234.50');
    expect(nbsp(formatMoney(5, 'CHF', 'de'))).toBe('0,05 CHF');
    // Beyond what a binary fraction holds to the cent: still exact.
    expect(nbsp(formatMoney(900_719_925_474_099, 'USD', 'en'))).toBe('USD 9,007,199,254,740.99');
    expect(formatAmount(100_000, 'GBP', 'en')).toBe('1,000.00');
    expect(formatDays(250, 'de')).toBe('2,5');
    expect(formatDays(1_000, 'en')).toBe('10');
    expect(nbsp(formatPercent(1_250, 'de'))).toBe('12,5 %');
    expect(formatPercent(1_250, 'en')).toBe('12.5%');
  });

  it('reads numbers as each language types them, refusing what is not one', () => {
    expect(parseDecimal('1.234,5', 2, 'de')).toBe(123_450);
    expect(parseDecimal('2,5', 2, 'de')).toBe(250);
    expect(parseDecimal('2.5', 2, 'de')).toBe(250);
    expect(parseDecimal('1,234.5', 2, 'en')).toBe(123_450);
    expect(parseDecimal('0.25', 2, 'en')).toBe(25);
    expect(parseDecimal('2,555', 2, 'de')).toBeNull();
    expect(parseDecimal('zwei', 2, 'de')).toBeNull();
    expect(parseDecimal('', 2, 'en')).toBeNull();
  });
});
