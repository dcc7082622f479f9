// Domain vocabulary shared by the Node core and the renderer. Pure data and types, no I/O.

export const PHASES = ['initialization', 'concept', 'implementation', 'approval'] as const;
export type Phase = (typeof PHASES)[number];

export const PROJECT_STATUSES = ['active', 'on_hold', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const ACTIVITY_STATUSES = ['open', 'in_progress', 'done', 'not_needed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const GATE_DECISIONS = ['pending', 'go', 'no_go'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

export const SIDES = ['customer', 'consultancy', 'partner'] as const;
export type Side = (typeof SIDES)[number];

export const DEFAULT_PRODUCT = 'Open-Xchange App Suite';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Customer {
  id: string;
  name: string;
  address: string;
  notes: string;
  /** A `data:image/png|jpeg;base64,...` URL, or null. Documents put it on their cover. */
  logo: string | null;
  archived: boolean;
  createdAt: string;
}

export interface GateRecord {
  decision: GateDecision;
  date: IsoDate | null;
  decidedBy: string;
  rationale: string;
  conditions: string;
}

export const TRAFFIC_LIGHTS = ['green', 'amber', 'red'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** The consultant's part of the weekly status report, kept with the project from week to week. */
export interface StatusNotes {
  summary: string;
  risks: string;
  /** The light as the consultant sets it; null while the computed one stands. */
  light: TrafficLight | null;
  lightReason: string;
}

export interface Project {
  id: string;
  customerId: string;
  name: string;
  product: string;
  productVersion: string;
  description: string;
  startDate: IsoDate | null;
  targetDate: IsoDate | null;
  mailboxes: number | null;
  concurrentSessions: number | null;
  status: ProjectStatus;
  phase: Phase;
  /** Id and version of the process template the activities were made from. */
  processTemplate: string;
  /** The workshop template pack (its id; the latest version installed is used). */
  packId: string;
  gate: GateRecord;
  statusNotes: StatusNotes;
  createdAt: string;
}

export interface Activity {
  id: string;
  projectId: string;
  phase: Phase;
  /** Key into the process template, or null for an activity the consultant added. */
  templateKey: string | null;
  /** Key of the parent activity in the template, for sub-activities. */
  parentKey: string | null;
  /** The consultant's own title; template activities take theirs from the template. */
  title: string;
  position: number;
  status: ActivityStatus;
  date: IsoDate | null;
  note: string;
}

/** The consultant using this installation, asked once: the author of documents and comments. */
export interface Profile {
  name: string;
  email: string;
  role: string;
}

export interface Person {
  id: string;
  name: string;
  organisation: string;
  side: Side;
  email: string;
  phone: string;
}

/** A person's part in one project. */
export interface Membership {
  id: string;
  projectId: string;
  personId: string;
  role: string;
  responsibilities: string;
}

export interface ProjectMember extends Membership {
  person: Person;
}

/** One project a person is on, seen from the person. */
export interface PersonProject {
  membershipId: string;
  projectId: string;
  projectName: string;
  customerName: string;
  role: string;
}

export interface PersonDetail {
  person: Person;
  projects: PersonProject[];
}

export interface PhaseProgress {
  phase: Phase;
  total: number;
  done: number;
  inProgress: number;
  notNeeded: number;
}

export interface ProjectListItem {
  id: string;
  name: string;
  customerId: string;
  customerName: string;
  phase: Phase;
  status: ProjectStatus;
  targetDate: IsoDate | null;
  gateDecision: GateDecision;
  activitiesTotal: number;
  activitiesSettled: number;
}

export interface ProjectDetail {
  project: Project;
  customer: Customer;
  activities: Activity[];
  members: ProjectMember[];
  progress: PhaseProgress[];
}

export interface AppInfo {
  version: string;
  deviceId: string;
  dataDir: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Why the database is read-only, if it is. */
  readOnlyReason: string | null;
}
