// What one sync with the shared folder did, as every host reports it.

/** A file of the share left unread this time, and why (it is tried again at the next sync). */
export interface SkippedFile {
  path: string;
  reason: 'incomplete' | 'empty' | 'foreign' | 'damaged' | 'newerFormat' | 'unreadable';
  detail: string;
}

export interface SyncResult {
  share: string;
  /** This device's changes written to the share. */
  sent: { files: number; changes: number };
  /** Others' changes read from the share: how many became a field's value, how many were older than the field's latest (kept in its history), how many were here already. */
  received: { files: number; changes: number; applied: number; superseded: number; duplicates: number };
  /** Others' changes kept back: for a newer Fieldbook's entities or fields (applied after an upgrade), or stamped more than a day ahead of this computer's clock. */
  keptBack: { newerSchema: number; clockAhead: number };
  skipped: SkippedFile[];
}
