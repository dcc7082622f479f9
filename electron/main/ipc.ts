// The one IPC channel of the API. Every call is checked for where it comes from (only a frame
// showing our own UI may call), validated by the core, and answered with a value: errors thrown
// across IPC would lose their code and field.
import { commandLineOnly } from '../../shared/api.ts';
import { APP_ORIGIN, IPC_CHANNELS, type BridgeReply } from '../../shared/bridge.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Core } from '../core/core.ts';

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

export async function replyToCall(core: Pick<Core, 'call'>, frame: SenderFrame | null | undefined, method: unknown, input: unknown): Promise<BridgeReply> {
  if (!isTrustedFrame(frame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'IPC call from a frame outside the app' } };
  }
  const refused = commandLineOnly(method, input);
  if (refused) return { ok: false, error: refused };
  try {
    return { ok: true, result: await core.call(method, input) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The parts of `ipcMain` used here. */
export interface IpcMainHandle {
  handle(channel: string, listener: (event: { readonly senderFrame: SenderFrame | null }, method: unknown, input: unknown) => Promise<BridgeReply>): void;
}

export function registerApiHandler(ipcMain: IpcMainHandle, core: Pick<Core, 'call'>): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, method, input) => replyToCall(core, event.senderFrame, method, input));
}
