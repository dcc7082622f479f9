// The one IPC channel of the API. Every call is checked for where it comes from (only a frame
// showing our own UI may call), validated by the core, and answered with a value: errors thrown
// across IPC would lose their code and field.
import { commandLineOnly } from '../../shared/api.ts';
import { APP_ORIGIN, IPC_CHANNELS, type BridgeReply } from '../../shared/bridge.ts';
import { ApiError } from '../../shared/errors.ts';
import type { CallOptions } from '../core/worker/client.ts';

/** What the check needs of `event.senderFrame` (Electron's WebFrameMain, or null once gone). */
export interface SenderFrame {
  readonly url: string;
}

export function isTrustedFrame(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  try {
    return frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    // A frame disposed mid-call throws on access: it is not ours to trust any more.
    return false;
  }
}

/** The core as the channel calls it: the core's thread, or the core itself in tests. */
interface CallsCore {
  call(method: unknown, input: unknown, options?: CallOptions): unknown;
}

export async function replyToCall(
  core: CallsCore,
  frame: SenderFrame | null | undefined,
  method: unknown,
  input: unknown,
  options?: CallOptions,
): Promise<BridgeReply> {
  if (!isTrustedFrame(frame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'IPC call from a frame outside the app' } };
  }
  const refused = commandLineOnly(method, input);
  if (refused) return { ok: false, error: refused };
  try {
    return { ok: true, result: await core.call(method, input, options) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** What the handlers need of an IPC event: the calling frame, and its page to report progress to. */
export interface IpcEvent {
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly id: number; send(channel: string, ...args: unknown[]): void };
}

/** The parts of `ipcMain` used here. */
export interface IpcMainHandle {
  handle(channel: string, listener: (event: IpcEvent, method: unknown, input: unknown, watchId?: unknown) => Promise<BridgeReply>): void;
  on(channel: string, listener: (event: IpcEvent, watchId: unknown) => void): void;
}

/** Ids the window gives its watched calls: short strings, nothing else travels as one. */
const WATCH_ID = /^[\w-]{1,64}$/;

/**
 * Answers the API channel. A call that comes with an id is watched: its progress goes back to the
 * page that made it, and a cancel with the same id from that page cancels it.
 */
export function registerApiHandler(ipcMain: IpcMainHandle, core: CallsCore): void {
  const watched = new Map<string, AbortController>();
  const key = (event: IpcEvent, id: string): string => `${event.sender.id}:${id}`;

  ipcMain.handle(IPC_CHANNELS.call, async (event, method, input, watchId) => {
    if (typeof watchId !== 'string' || !WATCH_ID.test(watchId) || !isTrustedFrame(event.senderFrame)) {
      return replyToCall(core, event.senderFrame, method, input);
    }
    const cancel = new AbortController();
    watched.set(key(event, watchId), cancel);
    try {
      return await replyToCall(core, event.senderFrame, method, input, {
        signal: cancel.signal,
        onProgress: (progress) => {
          try {
            event.sender.send(IPC_CHANNELS.progress, watchId, progress);
          } catch {
            // The page has gone (window closed, reloaded): nobody watches any more; the work goes on.
          }
        },
      });
    } finally {
      watched.delete(key(event, watchId));
    }
  });
  ipcMain.on(IPC_CHANNELS.cancel, (event, watchId) => {
    if (typeof watchId === 'string' && isTrustedFrame(event.senderFrame)) watched.get(key(event, watchId))?.abort();
  });
}
