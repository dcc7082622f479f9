// Statements of work: what the consultancy delivers for which fee, numbered per project (SOW-01),
// in versions. A version is a draft until it is sent; from then on it is frozen, and a change is a
// new version. Amounts are exact (../money.ts). Pure types and constants.
import type { Side } from '../domain.ts';
import type { Currency } from '../money.ts';

/**
 * draft: being written; sent: frozen, waiting for signatures; signed: both sides signed;
 * rejected: the customer said no; superseded: a later version was sent (or signed) in its place.
 */
export const SOW_STATUSES = ['draft', 'sent', 'signed', 'rejected', 'superseded'] as const;
export type SowStatus = (typeof SOW_STATUSES)[number];

export const EXPENSE_MODES = ['none', 'flat', 'perTrip'] as const;
export type ExpenseMode = (typeof EXPENSE_MODES)[number];

export const PAYMENT_MODES = ['milestone', 'monthly'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** The two parties that sign. */
export const SIGNING_SIDES = ['customer', 'consultancy'] as const;

/** The long texts of an SOW, in the document's order; the diff shows their changes word by word. */
export const SOW_TEXTS = ['background', 'objectives', 'scopeIn', 'scopeOut', 'acceptanceProcedure', 'assumptions', 'dependencies', 'changeControl'] as const;
export type SowText = (typeof SOW_TEXTS)[number];

/** Everything of an SOW a consultant edits in a draft (the children aside). */
export const SOW_FIELDS = [
  'title',
  'frameworkAgreement',
  'date',
  'currency',
  ...SOW_TEXTS,
  'validUntil',
  'discountBasisPoints',
  'expensesMode',
  'expensesMinor',
  'expensesTrips',
  'paymentMode',
] as const;

export interface Sow {
  id: string;
  projectId: string;
  /** SOW-01 is 1; every version of a series has the number of its first. */
  number: number;
  /** Numbers sync took from the series because another SOW had them first, oldest first. */
  formerNumbers: number[];
  /** The first version's id: every version of one SOW has it. */
  seriesId: string;
  version: number;
  /** The version this one was started from; null for a first version. */
  copiedFrom: string | null;
  title: string;
  status: SowStatus;
  frameworkAgreement: string;
  /** The date the SOW carries (ISO). */
  date: string | null;
  currency: Currency;
  background: string;
  objectives: string;
  scopeIn: string;
  scopeOut: string;
  acceptanceProcedure: string;
  assumptions: string;
  dependencies: string;
  changeControl: string;
  /** The offer stands until this date (ISO). */
  validUntil: string | null;
  /** Discount on the fees, in basis points (1 % = 100). */
  discountBasisPoints: number;
  expensesMode: ExpenseMode;
  /** The flat amount, or the amount per trip, in minor units of the currency. */
  expensesMinor: number;
  expensesTrips: number;
  paymentMode: PaymentMode;
  /** Both parties, name and address, as they stood when the version was sent ('' while a draft: read live). */
  customerParty: string;
  consultancyParty: string;
  sentOn: string | null;
  sentBy: string;
  customerSignedBy: string;
  customerSignedOn: string | null;
  consultancySignedBy: string;
  consultancySignedOn: string | null;
  rejectedOn: string | null;
  rejectedBy: string;
  rejectionReason: string;
  supersededOn: string | null;
  /** The later version that took its place. */
  supersededById: string | null;
  createdAt: string;
}

/** What every child of an SOW has: its place in the list, and the item of the earliest version it descends from. */
interface SowChild {
  id: string;
  sowId: string;
  position: number;
  /** The id of the item this one was copied from through the versions, back to the first (its own id when it is new): matches items across versions. */
  originId: string;
}

export interface Deliverable extends SowChild {
  title: string;
  acceptanceCriteria: string;
  dueDate: string | null;
}

export interface Milestone extends SowChild {
  title: string;
  dueDate: string | null;
}

export interface SowRole extends SowChild {
  side: Side;
  role: string;
  responsibilities: string;
}

export interface EffortLine extends SowChild {
  role: string;
  description: string;
  /** Days in hundredths: 2.5 days is 250. */
  dayHundredths: number;
  /** The daily rate in minor units of the SOW's currency. */
  rateMinor: number;
}

export interface Payment extends SowChild {
  label: string;
  /** Share of the total in basis points (30 % = 3000). */
  percentBasisPoints: number;
  /** The milestone it falls due with (milestone mode), or null. */
  milestoneId: string | null;
  /** The date it falls due (monthly mode), or null. */
  dueDate: string | null;
}

export const SOW_PARTS = ['deliverable', 'milestone', 'role', 'effort', 'payment'] as const;
export type SowPart = (typeof SOW_PARTS)[number];

export interface SowParts {
  deliverables: Deliverable[];
  milestones: Milestone[];
  roles: SowRole[];
  effortLines: EffortLine[];
  payments: Payment[];
}

/** The list of each part in a SowParts. */
export const PART_LISTS = { deliverable: 'deliverables', milestone: 'milestones', role: 'roles', effort: 'effortLines', payment: 'payments' } as const satisfies Record<SowPart, keyof SowParts>;

export interface SowTotals {
  /** Each effort line's total (days × rate, rounded once), by line id. */
  lines: { id: string; totalMinor: number }[];
  /** Days and fees per role, in the order roles first appear. */
  byRole: { role: string; dayHundredths: number; totalMinor: number }[];
  dayHundredths: number;
  subtotalMinor: number;
  discountMinor: number;
  expensesMinor: number;
  totalMinor: number;
  /** The payment schedule's shares added up, in basis points (10000 when it is complete). */
  paymentBasisPoints: number;
  /** Each payment's amount; they add up to the total to the cent when the shares make 100 %. */
  payments: { id: string; amountMinor: number }[];
}

/** Something to look at that does not stop anything (the offer's validity has passed). */
export type SowWarning = { code: 'validityPassed'; field: 'validUntil'; validUntil: string } | { code: 'paymentsIncomplete'; field: 'payments'; basisPoints: number };

export interface SowDetail extends SowParts {
  sow: Sow;
  totals: SowTotals;
  warnings: SowWarning[];
  /** Every version of this SOW, oldest first. */
  versions: SowVersion[];
}

export interface SowVersion {
  id: string;
  version: number;
  status: SowStatus;
  sentOn: string | null;
}

export interface SowSummary {
  id: string;
  number: number;
  formerNumbers: number[];
  title: string;
  version: number;
  status: SowStatus;
  currency: Currency;
  totalMinor: number;
  /** The latest version's id of the series stands for it; earlier versions are under `versions`. */
  versions: SowVersion[];
}

/** SOW-01, SOW-12, SOW-100. */
export function sowNumber(number: number): string {
  return `SOW-${String(number).padStart(2, '0')}`;
}
