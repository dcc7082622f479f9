// The preload: the only bridge between the sandboxed UI and the main process. It exposes three
// functions as `window.fieldbook` and no Electron or Node object, so a compromised page can do
// no more than call the API table (and cancel its own long calls). Bundled into one CommonJS file: a sandboxed preload cannot
// load node_modules.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../shared/api.ts';
import { IPC_CHANNELS, type BridgeReply, type FieldbookBridge } from '../../shared/bridge.ts';
import type { Progress } from '../../shared/task-progress.ts';

/** The parts of `ipcRenderer` used here (a stand-in in tests). */
export interface RendererChannel {
  invoke(channel: string, method: string, input: unknown, watchId?: string): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

const KNOWN_METHODS: ReadonlySet<unknown> = new Set(METHOD_NAMES);

export function createBridge(ipc: RendererChannel): FieldbookBridge {
  const flushers: (() => Promise<void>)[] = [];

  // Answer every flush request, even with nothing registered yet, so the window closes at once.
  ipc.on(IPC_CHANNELS.flushRequest, () => {
    // A failing or throwing flush must not keep the window open: settle all, then answer.
    const runs = flushers.map(async (flush) => {
      await flush();
    });
    void Promise.allSettled(runs).then(() => ipc.send(IPC_CHANNELS.flushed));
  });

  return {
    async call(method, input, watch): Promise<BridgeReply> {
      // Refused here already, so a page cannot use the channel to probe the main process.
      if (!KNOWN_METHODS.has(method)) {
        return { ok: false, error: { code: 'unknown_method', field: 'method', message: `method: unknown API method ${JSON.stringify(method)}` } };
      }
      if (!watch) return (await ipc.invoke(IPC_CHANNELS.call, method, input)) as BridgeReply;
      const onProgress = (_event: unknown, id: unknown, progress: unknown): void => {
        if (id === watch.id) watch.onProgress(progress as Progress);
      };
      ipc.on(IPC_CHANNELS.progress, onProgress);
      try {
        return (await ipc.invoke(IPC_CHANNELS.call, method, input, watch.id)) as BridgeReply;
      } finally {
        ipc.removeListener(IPC_CHANNELS.progress, onProgress);
      }
    },
    cancel(id) {
      ipc.send(IPC_CHANNELS.cancel, id);
    },
    onBeforeClose(flush) {
      flushers.push(flush);
    },
  };
}

contextBridge.exposeInMainWorld('fieldbook', createBridge(ipcRenderer));
