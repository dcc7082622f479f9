// Quitting waits for the core: every call it was sent (the saves the window flushed before it
// closed among them) is answered and written, and the database closed, before the app ends.
import type { CoreClient } from '../core/worker/client.ts';

interface QuitEvent {
  preventDefault(): void;
}

/** The parts of Electron's `app` used here (a stand-in in tests). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
}

export function closeCoreBeforeQuit(app: QuittingApp, core: Pick<CoreClient, 'close'>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void core.close().finally(() => {
      state = 'closed';
      app.quit();
    });
  });
}
