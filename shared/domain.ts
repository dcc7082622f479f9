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
  /** Set while the project is closed: read-only until reopened (no date for one closed before closing had checks). */
  closed: { on: IsoDate | null; by: string } | null;
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

/** A copy of the database that can be put back in place of a damaged one. */
export interface DatabaseBackup {
  /** Its path inside the data folder: `backups/fieldbook-<time>.sqlite`, or a pre-upgrade `.bak`. */
  file: string;
  /** When it was made (ISO 8601, UTC). */
  time: string;
}

/**
 * Why the database cannot be written, as the core found it; written as text in either language by
 * shared/read-only-cause.ts. `inMemoryCopy`: a file SQLite could read only from a copy in memory
 * (a folder this user may not write, see electron/core/db/open.ts), so what shows is the file as
 * it was when it was opened.
 */
export type ReadOnlyCause =
  /** The check at start runs; changes wait for its verdict. */
  | { cause: 'checking' }
  /** Written by a newer Fieldbook: schema `version`, where this one knows up to `known`. */
  | { cause: 'newerSchema'; version: number; known: number }
  | { cause: 'readOnlyMedium'; file: string; inMemoryCopy: boolean }
  /** The folder, where SQLite keeps the journal files beside the database, may not be written. */
  | { cause: 'folderNotWritable'; folder: string; inMemoryCopy: boolean }
  /** The file (or its journal) belongs to another user, user id `uid`. */
  | { cause: 'otherUser'; file: string; uid: number; inMemoryCopy: boolean }
  /** The file's (or its journal's) permissions do not allow writing. */
  | { cause: 'notWritable'; file: string; inMemoryCopy: boolean }
  /**
   * The check found damage: SQLite's first finding (its own words), how many more it found, and
   * the newest backup's time (ISO 8601, UTC) or null when there is none.
   */
  | { cause: 'damaged'; file: string; problem: string; moreProblems: number; newestBackup: string | null }
  /** The check could not run (a lock, an I/O error): SQLite's words. */
  | { cause: 'checkFailed'; file: string; error: string }
  /** Found whole, but the writable connection could not be opened: SQLite's words. */
  | { cause: 'notOpenableForWriting'; file: string; error: string };

/** Who made a change: the person (profile name, else the system user) on which machine; the renderer writes it in the UI language. */
export interface DeviceName {
  person: string;
  host: string;
  deviceId: string;
}

export interface AppInfo {
  version: string;
  /** null while the data folder has no database yet (app.info creates none). */
  deviceId: string | null;
  dataDir: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Why the database is read-only, if it is: the UI writes it in its language. */
  readOnlyCause: ReadOnlyCause | null;
  /** The same in English, for the command line. */
  readOnlyReason: string | null;
  /** Whether the database is being checked at start: reads answer, changes wait until it is found whole. */
  checking: boolean;
  /** Whether the check found the database damaged: it is read-only, and a backup can take its place. */
  damaged: boolean;
  /** The newest backup in the data folder, or null. */
  newestBackup: DatabaseBackup | null;
}
