// Exact money for statements of work. Amounts are integers of the currency's minor unit (cents),
// days are integers of hundredths of a day, percentages integers of basis points (1 % = 100):
// no binary fraction ever stands for a price. Products are worked out in BigInt, so no partial
// result loses a digit either.
//
// The one rounding rule: half away from zero, applied once where a fraction of a cent first
// appears (a line's days × rate, the discount on the subtotal), and never again to a sum. Where an
// amount is split into parts (the payment schedule), the parts are shares by the largest
// remainder method, so they add up to the amount to the cent.
//
// Formatting follows the document's language with the ISO code: 1.234,50 EUR / EUR 1,234.50.
import type { Language } from './i18n/index.ts';

export const CURRENCIES = ['EUR', 'CHF', 'USD', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** An amount of money: whole minor units (cents) of its currency. */
export interface Money {
  minor: number;
  currency: Currency;
}

/** How many minor digits the currency has (2 for all four today), as Intl knows it. */
export function minorDigits(currency: Currency): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Hundredths of a day in a day; basis points in a whole. */
export const DAY = 100;
export const WHOLE = 10_000;

/** numerator / denominator, rounded half away from zero to a whole number. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

function toSafe(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is too large to be exact (${value})`);
  return n;
}

/** A line's total: days (hundredths) × daily rate (minor units), rounded once. */
export function lineTotal(dayHundredths: number, rateMinor: number): number {
  return toSafe(roundedQuotient(BigInt(dayHundredths) * BigInt(rateMinor), BigInt(DAY)), 'A line total');
}

/** A share (basis points) of an amount, rounded once: the discount of a subtotal. */
export function shareOf(minor: number, basisPoints: number): number {
  return toSafe(roundedQuotient(BigInt(minor) * BigInt(basisPoints), BigInt(WHOLE)), 'A share');
}

/** An amount a whole number of times (expenses per trip): exact. */
export function times(minor: number, count: number): number {
  return toSafe(BigInt(minor) * BigInt(count), 'A product');
}

/** Exact sum of whole amounts. */
export function sum(values: readonly number[]): number {
  return toSafe(
    values.reduce((total, v) => total + BigInt(v), 0n),
    'A sum',
  );
}

/**
 * `total` split in proportion to `weights` (non-negative integers, not all zero) by the largest
 * remainder method: each part is its share rounded down, and the cents left over go one each to
 * the parts with the largest remainders (the earlier part on a tie). The parts add up to `total`.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weights.length === 0 || weightSum === 0n) throw new RangeError('Nothing to split by');
  if (weights.some((w) => w < 0 || !Number.isSafeInteger(w))) throw new RangeError('Weights are whole numbers, not negative');
  const sign = total < 0 ? -1n : 1n;
  const whole = BigInt(total) * sign;
  const parts = weights.map((w) => (whole * BigInt(w)) / weightSum);
  const remainders = weights.map((w, i) => ({ i, remainder: (whole * BigInt(w)) % weightSum }));
  let left = whole - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => toSafe(p * sign, 'A part'));
}

/** An integer of `digits` implied decimals as exact decimal text: 123450, 2 → "1234.50". */
function decimalText(scaled: number, digits: number): string {
  const negative = scaled < 0;
  const text = String(Math.abs(scaled)).padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** Intl formats a decimal string exactly, with no detour through a binary fraction. */
const exact = (text: string) => text as `${number}`;

/** An amount as the language writes it with the currency's code: "1.234,50 EUR", "EUR 1,234.50". */
export function formatMoney(minor: number, currency: Currency, language: Language): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits }).format(exact(decimalText(minor, digits)));
}

/** An amount without its currency, with all its minor digits: "1.234,50" / "1,234.50" (table cells under a titled column). */
export function formatAmount(minor: number, currency: Currency, language: Language): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(exact(decimalText(minor, digits)));
}

/** Days from hundredths, as few decimals as they need: "2,5" / "2.5", "10", "0,25". */
export function formatDays(dayHundredths: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(exact(decimalText(dayHundredths, 2)));
}

/** A percentage from basis points: "12,5 %" / "12.5%". */
export function formatPercent(basisPoints: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(exact(decimalText(basisPoints, 4)));
}

/** A number as it stands in an input field (no grouping): "1234,5" / "1234.5". */
export function editableDecimal(scaled: number, digits: number, language: Language): string {
  let text = decimalText(scaled, digits);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return language === 'de' ? text.replace('.', ',') : text;
}

/**
 * A decimal number typed in `language` (German 1.234,5 or 2,5; English 1,234.5) as an integer of
 * `digits` implied decimals: "2,5" with 2 digits is 250. Null for text that is not such a number
 * or has more decimals than `digits` (a third decimal of a euro is not a price).
 */
export function parseDecimal(text: string, digits: number, language: Language): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return null;
  const [group, decimal] = language === 'de' ? ['.', ','] : [',', '.'];
  // A German number typed with a point and no comma (2.5) is a decimal point, unless the point
  // groups thousands (1.234).
  if (language === 'de' && !t.includes(',') && !/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace('.', ',');
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(t)) t = t.split(group).join('');
  const match = new RegExp(`^(-?)(\\d+)(?:\\${decimal}(\\d*))?$`).exec(t);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const value = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}
