// The main window: locked-down web preferences, and a close that first lets the UI save what is
// still being typed (edits are saved as you type, with a short debounce).
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, IPC_CHANNELS } from '../../shared/bridge.ts';

/** How long a closing window waits for the UI to report its drafts saved. */
export const FLUSH_TIMEOUT_MS = 3000;

interface CloseEvent {
  preventDefault(): void;
}

/** The parts of a BrowserWindow used here (a stand-in in tests). */
export interface MainWindow {
  readonly webContents: { send(channel: string): void; isDestroyed(): boolean; isCrashed(): boolean };
  on(event: 'close', listener: (event: CloseEvent) => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  close(): void;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

export type WindowConstructor<W extends MainWindow> = new (options: BrowserWindowConstructorOptions) => W;

/** The parts of `ipcMain` used here. */
export interface FlushChannel {
  on(channel: string, listener: (event: { readonly sender: unknown }) => void): unknown;
  removeListener(channel: string, listener: (event: { readonly sender: unknown }) => void): unknown;
}

/**
 * On the first close, hold the window open, ask the UI to flush its pending edits, and close for
 * real when it answers or after `timeoutMs` (a hung page must not keep the window open).
 */
export function flushBeforeClose(win: MainWindow, ipcMain: FlushChannel, timeoutMs = FLUSH_TIMEOUT_MS): void {
  let state: 'open' | 'flushing' | 'closing' = 'open';
  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    const contents = win.webContents;
    const finish = (): void => {
      clearTimeout(timer);
      ipcMain.removeListener(IPC_CHANNELS.flushed, onFlushed);
      state = 'closing';
      if (!win.isDestroyed()) win.close();
    };
    // Only this window's own page can end its wait.
    const onFlushed = (reply: { readonly sender: unknown }): void => {
      if (reply.sender === contents) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    ipcMain.on(IPC_CHANNELS.flushed, onFlushed);
    if (contents.isDestroyed() || contents.isCrashed()) finish();
    else contents.send(IPC_CHANNELS.flushRequest);
  });
}

/**
 * Opens the UI in a new window. The options are written out here, at the constructor call, so
 * that they can be reviewed (and scanned by electronegativity) in one place.
 */
export interface WindowFiles {
  preload: string;
  /** The window's icon (title bar and task switcher on Linux and Windows; macOS uses the bundle's). */
  icon: string;
}

export function createMainWindow<W extends MainWindow>(BrowserWindow: WindowConstructor<W>, ipcMain: FlushChannel, files: WindowFiles): W {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Fieldbook',
    icon: files.icon,
    // Shown once painted, so the window never flashes empty.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed: the preload exposes only `call` and `onBeforeClose` through contextBridge.
      preload: files.preload, // eng-disable PRELOAD_JS_CHECK (reviewed, see above)
      // The renderer is a web page and nothing more: no Node, its own JavaScript world, the
      // Chromium sandbox, the same-origin policy, and no way to embed or enable more.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would try to open links in new windows; they are denied anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  flushBeforeClose(win, ipcMain);
  win.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error('Fieldbook: could not load the UI:', error);
  });
  return win;
}
