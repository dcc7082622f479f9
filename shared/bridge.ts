// What the Electron preload exposes to the renderer as `window.fieldbook`: the API table and
// nothing else, plus the hook that lets the window save pending typing before it closes.
import type { ApiErrorBody } from './errors.ts';
import type { Progress } from './task-progress.ts';

export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** Long work the window watches: its progress reports, and an id of the window's choosing to cancel it by. */
export interface TaskWatch {
  id: string;
  onProgress: (progress: Progress) => void;
}

export interface FieldbookBridge {
  /** Calls one method of the API table. Errors come back as values: IPC would flatten thrown ones. */
  call(method: string, input: unknown, watch?: TaskWatch): Promise<BridgeReply>;
  /** Cancels the watched call with this id: it answers 'cancelled' with nothing written. */
  cancel(id: string): void;
  /** Registers the work to finish (saving drafts) before the window closes. */
  onBeforeClose(flush: () => Promise<void>): void;
}

export const IPC_CHANNELS = {
  call: 'fieldbook:call',
  flushRequest: 'fieldbook:flush-request',
  flushed: 'fieldbook:flushed',
  progress: 'fieldbook:progress',
  cancel: 'fieldbook:cancel',
} as const;

/** The origin the desktop UI is served from (a custom protocol, never file://). */
export const APP_ORIGIN = 'app://fieldbook';
