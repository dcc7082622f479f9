// Change requests: a change to a statement of work after it was agreed, numbered per project
// (CR-001), with its reason, who asked for it, and its impact on effort (days per role at the
// SOW's rates), dates and scope. Decided once: approved (it raises the SOW's budget), rejected or
// withdrawn. It may come from a checklist item or a meeting's decision and links back to it.
// Pure types and constants.
import type { Currency } from '../money.ts';
import type { SowStatus } from '../sows/types.ts';

/** proposed: waiting for a decision; approved: part of the SOW's budget; rejected, withdrawn: not. */
export const CHANGE_REQUEST_STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** The decisions that end a proposal. */
export const CHANGE_REQUEST_DECISIONS = ['approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestDecision = (typeof CHANGE_REQUEST_DECISIONS)[number];

/**
 * Extra days for one role, at the SOW's rate for it. The rate and the effort line are taken from
 * the SOW when the impact is entered and kept: a later version of the SOW does not reprice what
 * was asked for.
 */
export interface EffortImpact {
  role: string;
  /** The SOW's effort line the days go onto: its origin id, the same in every version of the SOW. */
  lineId: string;
  /** Days in hundredths: 2.5 days is 250. */
  dayHundredths: number;
  /** The line's daily rate in minor units of the SOW's currency. */
  rateMinor: number;
}

export interface ChangeRequest {
  id: string;
  projectId: string;
  /** CR-001 is 1. */
  number: number;
  /** Numbers sync took from it because another change request had them first, oldest first. */
  formerNumbers: number[];
  title: string;
  description: string;
  reason: string;
  /** The project person who asked for the change. */
  requestedById: string | null;
  /** The SOW it changes: the series id (its first version's id), the same for every version. */
  sowId: string;
  effort: EffortImpact[];
  /** What the change does to dates (milestones, the end), in words. */
  datesImpact: string;
  /** What the change adds to or takes from the scope, in words. */
  scopeImpact: string;
  status: ChangeRequestStatus;
  decidedBy: string;
  decidedOn: string | null;
  /** The checklist item it came from. */
  requirementId: string | null;
  /** The meeting decision (agenda decision) it came from. */
  decisionId: string | null;
  createdAt: string;
}

/** The impact on effort worked out: each line's fee (days × rate, rounded once) and the sums. */
export interface ImpactTotals {
  lines: (EffortImpact & { totalMinor: number })[];
  dayHundredths: number;
  totalMinor: number;
}

export interface ChangeRequestDetail {
  changeRequest: ChangeRequest;
  /** The SOW as it stands (the version in effect), with the roles of its effort lines: what extra days can be asked for. */
  sow: { id: string; versionId: string; number: number; title: string; version: number; status: SowStatus; currency: Currency; roles: string[] };
  impact: ImpactTotals;
  requestedBy: { id: string; name: string; organisation: string } | null;
  requirement: { id: string; number: number; title: string } | null;
  decision: { id: string; text: string; meetingId: string; meetingTitle: string; date: string | null } | null;
}

/** A change request as lists and the other side of a link show it. */
export interface ChangeRequestSummary {
  id: string;
  number: number;
  formerNumbers: number[];
  title: string;
  status: ChangeRequestStatus;
  sowId: string;
  dayHundredths: number;
  totalMinor: number;
  currency: Currency;
  requirementId: string | null;
  decisionId: string | null;
}

/** CR-001, CR-042, CR-1000. */
export function changeRequestNumber(number: number): string {
  return `CR-${String(number).padStart(3, '0')}`;
}
