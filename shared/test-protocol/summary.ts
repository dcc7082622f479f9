// A run's figures: counts per result, whether it is complete (every case passed, failed or
// waived), the verdict the results suggest, and why a run takes no more edits.
import type { Priority } from '../checklist/types.ts';
import { FINAL_STATUSES, RESULT_STATUSES, type ResultStatus, type RunSummary, type SignOff, type StatusCounts, type Verdict } from './types.ts';

/**
 * The suggestion the consultant confirms or overrides: nothing while the run is incomplete; a
 * failed case of high priority withholds the approval, failures of lower priority make it
 * conditional (they go on the checklist), none approve.
 */
function suggest(results: readonly { status: ResultStatus; priority: Priority }[], complete: boolean): Verdict | null {
  if (!complete) return null;
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.some((r) => r.priority === 'high')) return 'not-approved';
  return failed.length > 0 ? 'approved-with-conditions' : 'approved';
}

export function summarise(results: readonly { status: ResultStatus; priority: Priority }[]): RunSummary {
  const counts = Object.fromEntries(RESULT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const r of results) counts[r.status]++;
  const done = results.filter((r) => FINAL_STATUSES.includes(r.status)).length;
  // A run without cases tested nothing: it is never complete.
  const complete = results.length > 0 && done === results.length;
  return { total: results.length, counts, done, complete, suggestedVerdict: suggest(results, complete) };
}

/** Why a run takes no more edits, for the refusal; null while it is open. */
export function frozenReason(run: { name: string; signOff: SignOff | null }): string | null {
  if (!run.signOff) return null;
  const { customer, consultancy } = run.signOff;
  const last = customer.date > consultancy.date ? customer.date : consultancy.date;
  return `the test run "${run.name}" was signed off on ${last} by ${customer.name} and ${consultancy.name} and is frozen; start a new run (it supersedes this one)`;
}
