// Sync with the shared folder as the window sees it: where this device stands (the header's
// indicator and the sync screen read from here), one sync at a time, and syncing on its own at
// start, every five minutes while the folder can be reached, and when the user asks. A sync is an
// API call like any other (the core does it on its own thread), so typing goes on meanwhile; a
// failure is kept here and shown in the status, never as a dialog.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/sync.ts';
import type { Progress } from '../../../shared/task-progress.ts';
import { ApiError } from '../../../shared/errors.ts';
import { api, apiTask } from '../api/client.ts';
import { flushAll, useSaveStatus } from './saving.ts';

const AUTO_SYNC_MS = 5 * 60_000;
const STATUS_REFRESH_MS = 60_000;

interface SyncState {
  status: SyncStatus | null;
  running: boolean;
  /** How far the running sync has come (null before its first report). */
  progress: Progress | null;
  /** Why the last sync (or status read) failed; null after one that went through. */
  failure: unknown;
  /** Counts finished syncs and answered conflicts, for screens that show what a sync brought. */
  version: number;
}

export const useSync = create<SyncState>()(() => ({ status: null, running: false, progress: null, failure: null, version: 0 }));

let current: Promise<void> | null = null;
let cancelling: AbortController | null = null;

/** Reads where this device stands; a failure shows in the status. */
export async function refreshSyncStatus(): Promise<SyncStatus | null> {
  try {
    const status = await api('sync.status', {});
    useSync.setState({ status });
    return status;
  } catch (error) {
    useSync.setState({ failure: error });
    return null;
  }
}

/**
 * Syncs now with the folder set (one sync at a time: a second call joins the running one). Asked
 * by the user, edits still waiting are sent first, the folder just typed among them.
 */
export function syncNow(settle = true): Promise<void> {
  current ??= (async () => {
    useSync.setState({ running: true, progress: null });
    cancelling = new AbortController();
    try {
      if (settle) await savesSettled();
      const status = await refreshSyncStatus();
      if (!status?.sharePath) return;
      await apiTask('sync.run', { share: status.sharePath }, { onProgress: (progress) => useSync.setState({ progress }), signal: cancelling.signal });
      useSync.setState({ failure: null });
    } catch (error) {
      // Cancelled by the user: not a failure, what came through stays and the rest follows later.
      useSync.setState({ failure: error instanceof ApiError && error.code === 'cancelled' ? null : error });
    } finally {
      await refreshSyncStatus();
      useSync.setState((s) => ({ running: false, progress: null, version: s.version + 1 }));
      current = null;
      cancelling = null;
    }
  })();
  return current;
}

/**
 * Stops the running sync after the file it is on: what was sent or applied so far stays (each
 * file is whole or not at all), the rest waits for the next sync.
 */
export function cancelSync(): void {
  cancelling?.abort();
}

/** Every edit sent and answered. */
async function savesSettled(): Promise<void> {
  await flushAll();
  if (useSaveStatus.getState().inFlight === 0) return;
  await new Promise<void>((resolve) => {
    const stop = useSaveStatus.subscribe((s) => {
      if (s.inFlight > 0) return;
      stop();
      resolve();
    });
  });
}

/** Syncs on its own if a folder is set and can be reached now. */
async function syncIfReachable(): Promise<void> {
  if (current) return;
  const status = await refreshSyncStatus();
  if (status?.sharePath && status.reachable) await syncNow(false);
}

/** Something changed what the sync screen shows (a conflict answered): the header follows. */
export function syncChanged(): void {
  useSync.setState((s) => ({ version: s.version + 1 }));
  void refreshSyncStatus();
}

/** The window's own syncing, once the app is ready: at start, then every five minutes; the status every minute. */
export function useAutoSync(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    void syncIfReachable();
    const sync = setInterval(() => void syncIfReachable(), AUTO_SYNC_MS);
    const status = setInterval(() => void refreshSyncStatus(), STATUS_REFRESH_MS);
    return () => {
      clearInterval(sync);
      clearInterval(status);
    };
  }, [ready]);
}
