// What one sync with the shared folder did, as every host reports it.

/** A file of the share left unread this time, and why (it is tried again at the next sync). */
export interface SkippedFile {
  path: string;
  reason: 'incomplete' | 'empty' | 'foreign' | 'damaged' | 'newerFormat' | 'unreadable';
  detail: string;
}

export interface SyncResult {
  share: string;
  /** When the sync ended (ISO). */
  at: string;
  /** This device's changes written to the share. */
  sent: { files: number; changes: number };
  /** Others' changes read from the share: how many became a field's value, how many were older than the field's latest (kept in its history), how many were here already. */
  received: { files: number; changes: number; applied: number; superseded: number; duplicates: number };
  /** Others' changes kept back: for a newer Fieldbook's entities or fields (applied after an upgrade), or stamped more than a day ahead of this computer's clock. */
  keptBack: { newerSchema: number; clockAhead: number };
  skipped: SkippedFile[];
}

/** Which value a person keeps when resolving a conflict: the field's current one, or the other. */
export const CONFLICT_CHOICES = ['current', 'other'] as const;

/** One value of a conflicting field: what it was, when, and who set it on which machine. */
export interface ConflictValue {
  value: string | number | boolean | null;
  stamp: string;
  /** ISO time of the change, by its writer's clock. */
  at: string;
  deviceId: string;
  /** The person (or user on machine) the device introduced itself as. */
  by: string;
}

/** Two people changed the same field while apart: the value the field has, and the one it replaced without its writer knowing it. */
export interface SyncConflict {
  entity: string;
  rowId: string;
  field: string;
  current: ConflictValue;
  other: ConflictValue;
}
