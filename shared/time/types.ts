// Time tracking: what the consultancy's people spent on a project, in quarter hours, booked on an
// SOW's effort line or on one of the project's activities. Pure types.

export interface TimeEntry {
  id: string;
  projectId: string;
  date: string;
  /** A person on the consultancy side of the project. */
  personId: string;
  /** The SOW (its series id, the same for every version) and its effort line (origin id); null for time on an activity. */
  sowId: string | null;
  lineId: string | null;
  /** The project activity the time went into; null for time on an SOW. */
  activityId: string | null;
  /** Hours × 4: a quarter hour is the smallest unit booked. */
  quarterHours: number;
  billable: boolean;
  note: string;
  createdAt: string;
}

/**
 * A timer that runs while the app is closed: its start is a row in the database, so stopping it
 * tomorrow on this or (after a sync) another device books the time between.
 */
export interface RunningTimer {
  id: string;
  projectId: string;
  personId: string;
  sowId: string | null;
  lineId: string | null;
  activityId: string | null;
  billable: boolean;
  note: string;
  /** When it was started (ISO 8601, UTC). */
  startedAt: string;
}

/** Something to look at that does not stop the booking. */
export type TimeWarning = {
  code: 'outsideValidity';
  field: 'date';
  /** The SOW's number; its period runs from its date to its validity date (either may be open). */
  sowNumber: number;
  from: string | null;
  until: string | null;
};

export interface TimeResult {
  /** The entry as saved; null when a grid cell was emptied. */
  entry: TimeEntry | null;
  warnings: TimeWarning[];
}

/** Where time can be booked on a project: the SOWs' effort lines, and the activities. */
export interface TimeTargets {
  sows: {
    id: string;
    number: number;
    title: string;
    /** The status of the version in effect: time on a rejected SOW is refused. */
    rejected: boolean;
    lines: { id: string; role: string; description: string }[];
  }[];
  activities: { id: string; title: string; phase: string; templateKey: string | null }[];
  /** The project's people on the consultancy side: who books time. */
  people: { id: string; name: string }[];
}

/** Sums of a list of entries: all, billable, per person, per target, per ISO week. */
export interface TimeTotals {
  quarterHours: number;
  billableQuarterHours: number;
  byPerson: { personId: string; quarterHours: number; billableQuarterHours: number }[];
  byTarget: { sowId: string | null; lineId: string | null; activityId: string | null; quarterHours: number }[];
  /** Weeks by their Monday. */
  byWeek: { week: string; quarterHours: number }[];
}
