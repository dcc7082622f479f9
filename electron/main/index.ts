// The Electron main process: wiring only. Everything it decides lives in the small modules
// beside it (tested with stand-ins for Electron); the API itself is the Node core, on a thread of
// its own so that the window's process never waits for it.
// Runs only as the CommonJS bundle dist/electron/main.cjs, hence __dirname.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledThreadFiles, startCore, type CoreClient } from '../core/worker/client.ts';
import { credentialKeySource } from './credential-key.ts';
import { dataDirOverride } from './data-dir.ts';
import { registerApiHandler } from './ipc.ts';
import { handleAppScheme, registerAppScheme } from './protocol.ts';
import { closeCoreBeforeQuit } from './quit.ts';
import { denyAllPermissions, guardAllWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

const RENDERER_DIR = join(__dirname, '..', 'renderer');
const RESOURCES_DIR = join(__dirname, '..', '..', 'resources');
const WINDOW_FILES = { preload: join(__dirname, 'preload.cjs'), icon: join(RESOURCES_DIR, 'icon.png') };
const THREAD_FILES = bundledThreadFiles(__dirname);

registerAppScheme(protocol);
guardAllWebContents(app, shell);

// Set before the lock: the lock belongs to the data folder, so a test instance on its own
// folder does not collide with the user's running app.
const override = dataDirOverride(process.argv, process.env, process.cwd());
if (override) {
  // setPath refuses a folder that does not exist yet.
  mkdirSync(override, { recursive: true });
  app.setPath('userData', override);
}

let core: CoreClient | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;

function openWindow(): void {
  const win = createMainWindow(BrowserWindow, ipcMain, WINDOW_FILES);
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // A quit that waited for the flush resumes once the window is gone (needed on macOS).
    if (quitting) app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  // One process owns the data folder (its write path keeps the clock in memory): a second
  // start hands over to the running instance.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) {
      if (core) openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // macOS: clicking the dock icon with no window open opens one.
  app.on('activate', () => {
    if (core && !mainWindow) openWindow();
  });

  void app.whenReady().then(async () => {
    try {
      const dataDir = app.getPath('userData');
      // The credentials key from the system's store (safeStorage works once the app is ready).
      const credentialKey = credentialKeySource(safeStorage, dataDir);
      core = await startCore({ dataDir, appVersion: app.getVersion(), resourcesDir: RESOURCES_DIR, threadFiles: THREAD_FILES, credentialKey });
    } catch (error) {
      // A damaged or unreadable database is reported, never overwritten.
      dialog.showErrorBox('Fieldbook cannot open its data', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    closeCoreBeforeQuit(app, core);
    denyAllPermissions(session.defaultSession);
    handleAppScheme(protocol, RENDERER_DIR);
    registerApiHandler(ipcMain, core);
    openWindow();
  });
}
