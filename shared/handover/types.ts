// The handover to support (the Approval phase): who is in charge afterwards on every side, what is
// still open, known limitations, the test of the support ticket process and the acceptance; and
// what closing a project finds still open.
import type { IsoDate, Person } from '../domain.ts';

export const TICKET_RESULTS = ['passed', 'failed'] as const;
export type TicketResult = (typeof TICKET_RESULTS)[number];

export interface Handover {
  projectId: string;
  knownLimitations: string;
  /** The support ticket process test: who did it, when, the ticket's number and how it went. */
  ticketTestBy: string;
  ticketTestOn: IsoDate | null;
  ticketNumber: string;
  /** null until the test was done. */
  ticketResult: TicketResult | null;
  ticketNotes: string;
  /** What the customer accepts, as the protocol words it ('' for the standard wording). */
  acceptanceStatement: string;
  acceptedOn: IsoDate | null;
  acceptedBy: string;
}

/** Someone in charge after the handover: level 1 is asked first, then 2, then 3. */
export interface HandoverContact {
  id: string;
  projectId: string;
  personId: string;
  level: number;
  /** What they are in charge of ("Operating the platform", "Second-level support"). */
  responsibility: string;
  /** How and when to reach them (hours, hotline). */
  reach: string;
}

export interface HandoverContactDetail extends HandoverContact {
  person: Person;
}

/** A part of the handover still missing, in the closing check and on the handover screen. */
export const HANDOVER_PARTS = ['systems', 'contacts', 'customerContact', 'ticketTest', 'acceptance'] as const;
export type HandoverPart = (typeof HANDOVER_PARTS)[number];

export interface HandoverDetail {
  handover: Handover;
  /** By side, then level. */
  contacts: HandoverContactDetail[];
  missing: HandoverPart[];
}

/** Something closing a project finds still open; each names what to look at. */
export type OpenPart =
  | { kind: 'checklist'; items: { id: string; number: number; title: string }[] }
  | { kind: 'testRuns'; runs: { id: string; name: string }[] }
  | { kind: 'sows'; sows: { id: string; number: number; version: number; status: 'draft' | 'sent' }[] }
  | { kind: 'handover'; missing: HandoverPart[] }
  /** A timer still running would book to a project that no longer takes time. */
  | { kind: 'timers'; people: string[] };

export interface ClosingCheck {
  projectId: string;
  open: OpenPart[];
}
