// Quitting waits for the core: every call it was sent (the saves the window flushed before it
// closed among them) is answered and written, then this device's changes go to the shared folder
// if it is set up and reachable (so that colleagues have them before the laptop is packed), and
// the database is closed before the app ends.
import type { SyncStatus } from '../../shared/sync.ts';
import type { CoreClient } from '../core/worker/client.ts';

/** The longest a quit waits for the sync: a slow share must not keep the app from ending. */
export const QUIT_SYNC_TIMEOUT_MS = 15_000;

interface QuitEvent {
  preventDefault(): void;
}

/** The parts of Electron's `app` used here (a stand-in in tests). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
}

/** Sends what waits to be sent, if a share is set and reachable; never fails and never waits past the timeout. */
async function syncBeforeQuit(core: Pick<CoreClient, 'call'>): Promise<void> {
  try {
    const status = (await core.call('sync.status', {})) as SyncStatus;
    if (!status.sharePath || !status.reachable || status.waiting === 0) return;
    const gaveUp = new AbortController();
    const timer = setTimeout(() => gaveUp.abort(), QUIT_SYNC_TIMEOUT_MS);
    try {
      // Cancelled at the timeout: each file of the share is written whole or not at all.
      await core.call('sync.run', { share: status.sharePath }, { signal: gaveUp.signal });
    } finally {
      clearTimeout(timer);
    }
  } catch {
    // The next start syncs again; quitting goes on.
  }
}

export function closeCoreBeforeQuit(app: QuittingApp, core: Pick<CoreClient, 'call' | 'close'>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void syncBeforeQuit(core)
      .then(() => core.close())
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
