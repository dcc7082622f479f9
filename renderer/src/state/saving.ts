// Autosave: every edit is saved shortly after the typing stops, when the field loses focus, and
// before the page goes away (window closed, tab closed, reload). The status line in the header
// reads from here, and so do end-to-end tests waiting for "All changes saved".
import { create } from 'zustand';

interface SaveStatus {
  /** Saves started and not yet answered. */
  inFlight: number;
  /** Edits typed but not yet sent (waiting for the typing pause). */
  waiting: number;
  failed: boolean;
}

export const useSaveStatus = create<SaveStatus>()(() => ({ inFlight: 0, waiting: 0, failed: false }));

/** Everything waiting to be sent, by its flush function. */
const waiting = new Set<() => Promise<void>>();

export function markWaiting(flush: () => Promise<void>): void {
  waiting.add(flush);
  useSaveStatus.setState({ waiting: waiting.size });
}

export function clearWaiting(flush: () => Promise<void>): void {
  waiting.delete(flush);
  useSaveStatus.setState({ waiting: waiting.size });
}

/** Counts a save in the status line; a failure marks the status until the next success. */
export async function trackSave<T>(save: Promise<T>): Promise<T> {
  useSaveStatus.setState((s) => ({ inFlight: s.inFlight + 1 }));
  try {
    const result = await save;
    useSaveStatus.setState({ failed: false });
    return result;
  } catch (error) {
    useSaveStatus.setState({ failed: true });
    throw error;
  } finally {
    useSaveStatus.setState((s) => ({ inFlight: s.inFlight - 1 }));
  }
}

/** Sends every waiting edit now. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...waiting].map((flush) => flush()));
}

// The page is going away: start every waiting save at once (the HTTP client marks them keepalive,
// so they outlive the page). In Electron the window also waits for flushAll before it closes.
window.addEventListener('pagehide', () => void flushAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void flushAll();
});
window.fieldbook?.onBeforeClose(flushAll);
