// The fee of an SOW from its lines, worked out once here for the API, the screen and the document:
// each line's days × rate rounded once (../money.ts), the subtotal their exact sum, the discount
// rounded once on the subtotal, expenses flat or per trip, and the payment schedule's amounts as
// largest-remainder shares of the total, so that the parts add up to it to the cent.
import { allocate, lineTotal, shareOf, sum, times, WHOLE } from '../money.ts';
import type { EffortLine, Payment, Sow, SowTotals } from './types.ts';

type Terms = Pick<Sow, 'discountBasisPoints' | 'expensesMode' | 'expensesMinor' | 'expensesTrips'>;
type Line = Pick<EffortLine, 'id' | 'role' | 'dayHundredths' | 'rateMinor'>;
type Share = Pick<Payment, 'id' | 'percentBasisPoints'>;

export function expensesOf(terms: Terms): number {
  switch (terms.expensesMode) {
    case 'none':
      return 0;
    case 'flat':
      return terms.expensesMinor;
    case 'perTrip':
      return times(terms.expensesMinor, terms.expensesTrips);
  }
}

/**
 * The payments' amounts. A schedule of 100 % splits the total exactly; one that does not yet add
 * up (it cannot be sent so) shows each share of the total on its own.
 */
function paymentAmounts(totalMinor: number, payments: readonly Share[]): number[] {
  const shares = payments.map((p) => p.percentBasisPoints);
  if (shares.length > 0 && sum(shares) === WHOLE) return allocate(totalMinor, shares);
  return shares.map((bp) => shareOf(totalMinor, bp));
}

export function sowTotals(terms: Terms, lines: readonly Line[], payments: readonly Share[]): SowTotals {
  const totals = lines.map((l) => ({ id: l.id, totalMinor: lineTotal(l.dayHundredths, l.rateMinor) }));
  const roles = new Map<string, { role: string; days: number[]; amounts: number[] }>();
  lines.forEach((l, i) => {
    const key = l.role.trim();
    const entry = roles.get(key) ?? { role: key, days: [], amounts: [] };
    entry.days.push(l.dayHundredths);
    entry.amounts.push(totals[i]!.totalMinor);
    roles.set(key, entry);
  });
  const subtotalMinor = sum(totals.map((t) => t.totalMinor));
  const discountMinor = shareOf(subtotalMinor, terms.discountBasisPoints);
  const expensesMinor = expensesOf(terms);
  const totalMinor = sum([subtotalMinor, -discountMinor, expensesMinor]);
  const amounts = paymentAmounts(totalMinor, payments);
  return {
    lines: totals,
    byRole: [...roles.values()].map((r) => ({ role: r.role, dayHundredths: sum(r.days), totalMinor: sum(r.amounts) })),
    dayHundredths: sum(lines.map((l) => l.dayHundredths)),
    subtotalMinor,
    discountMinor,
    expensesMinor,
    totalMinor,
    paymentBasisPoints: sum(payments.map((p) => p.percentBasisPoints)),
    payments: payments.map((p, i) => ({ id: p.id, amountMinor: amounts[i]! })),
  };
}
