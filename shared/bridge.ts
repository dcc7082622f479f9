// What the Electron preload exposes to the renderer as `window.fieldbook`: the API table and
// nothing else, plus the hook that lets the window save pending typing before it closes.
import type { ApiErrorBody } from './errors.ts';

export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export interface FieldbookBridge {
  /** Calls one method of the API table. Errors come back as values: IPC would flatten thrown ones. */
  call(method: string, input: unknown): Promise<BridgeReply>;
  /** Registers the work to finish (saving drafts) before the window closes. */
  onBeforeClose(flush: () => Promise<void>): void;
}

export const IPC_CHANNELS = {
  call: 'fieldbook:call',
  flushRequest: 'fieldbook:flush-request',
  flushed: 'fieldbook:flushed',
} as const;

/** The origin the desktop UI is served from (a custom protocol, never file://). */
export const APP_ORIGIN = 'app://fieldbook';
