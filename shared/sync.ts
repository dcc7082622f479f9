// What one sync with the shared folder did, as every host reports it.
import type { DeviceName } from './domain.ts';

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
  /** The snapshot this device caught up from (joining the share, or back after a long time away), and the one it published (when due, or asked for). */
  snapshots: { taken: SnapshotSummary | null; published: SnapshotSummary | null };
  /** This device's own files it removed from the share: every device it waits for had them, and a snapshot holds them. */
  removed: { changeFiles: number; snapshots: number };
  /**
   * Set when change files in this device's own folder (or a snapshot) showed another installation
   * using its device id (a copied laptop image, or this database restored from a backup): this one
   * took a new id, changed nothing in the share, and took the other's changes in like a colleague's.
   */
  newDeviceId: { previous: string; current: string; foundFiles: number } | null;
}

/** A snapshot a sync took from the share or published to it. */
export interface SnapshotSummary {
  path: string;
  /** The change files it holds (none of them is read again) and the changes in it. */
  files: number;
  changes: number;
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
  /** Who set it, on which machine. */
  by: DeviceName;
}

/** Two people changed the same field while apart: the value the field has, and the one it replaced without its writer knowing it. */
export interface SyncConflict {
  entity: string;
  rowId: string;
  /** What people call the row (a customer's name, "R-042 Backup concept"), and its project's name where it has one. */
  row: { label: string | null; project: string | null };
  field: string;
  current: ConflictValue;
  other: ConflictValue;
}

/** Where this device stands with its shared folder, for the header and the sync screen. */
export interface SyncStatus {
  /** The shared folder this device syncs with, as its own path ('' while none is set). */
  sharePath: string;
  /** The last sync that went through, or null before the first. */
  lastSync: SyncResult | null;
  /** This device's changes not yet written to the share. */
  waiting: number;
  /** Whether the folder is there now (a share not mounted is not); null while none is set. */
  reachable: boolean | null;
  /** Conflicts no one has answered yet. */
  conflicts: number;
}
