// What a change request costs, worked out once for the API, the screen and the document: each
// role's days × the SOW's rate, rounded once (../money.ts), and their exact sums.
import { lineTotal, sum } from '../money.ts';
import type { EffortImpact, ImpactTotals } from './types.ts';

export function impactTotals(effort: readonly EffortImpact[]): ImpactTotals {
  const lines = effort.map((e) => ({ ...e, totalMinor: lineTotal(e.dayHundredths, e.rateMinor) }));
  return { lines, dayHundredths: sum(lines.map((l) => l.dayHundredths)), totalMinor: sum(lines.map((l) => l.totalMinor)) };
}
