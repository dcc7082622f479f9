// The Electron shell's decisions, tested with stand-ins: the real `electron` module cannot be
// loaded here (it would try to download its binary), and every module of the shell takes the
// Electron objects it uses as parameters. Only the preload imports Electron at load time; it gets
// a mocked module.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, IPC_CHANNELS, type BridgeReply, type FieldbookBridge } from '../../shared/bridge.ts';
import type { AppInfo } from '../../shared/domain.ts';
import type { Core } from '../../electron/core/core.ts';
import type { CallOptions } from '../../electron/core/worker/client.ts';
import { ApiError } from '../../shared/errors.ts';
import { credentialKeySource, SEALED_KEY_FILE, type SystemStore } from '../../electron/main/credential-key.ts';
import { keyFile } from '../../electron/core/secrets/key-file.ts';
import { credentialKeyOf } from '../../electron/core/secrets/key-source.ts';
import { dataDirOverride } from '../../electron/main/data-dir.ts';
import { registerApiHandler, replyToCall, type IpcMainHandle, type SenderFrame } from '../../electron/main/ipc.ts';
import { APP_SCHEME, handleAppScheme, registerAppScheme, resolveAppUrl, serveAppRequest, type ProtocolModule } from '../../electron/main/protocol.ts';
import { allowedExternalUrl, denyAllPermissions, guardAllWebContents, guardWebContents, type GuardedContents, type PermissionSession } from '../../electron/main/security.ts';
import { QUIT_SYNC_TIMEOUT_MS, closeCoreBeforeQuit, type QuittingApp } from '../../electron/main/quit.ts';
import type { SyncStatus } from '../../shared/sync.ts';
import { FLUSH_TIMEOUT_MS, createMainWindow, flushBeforeClose, type FlushChannel, type MainWindow } from '../../electron/main/window.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

// The preload's view of Electron. vi.hoisted: the mock factory runs before the imports above.
const preloadElectron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    exposed,
    listeners,
    ipcRenderer: {
      invoke: vi.fn((): Promise<unknown> => Promise.resolve({ ok: true, result: 'from main' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener)),
      removeListener: vi.fn((channel: string) => listeners.delete(channel)),
      send: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => preloadElectron.exposed.set(key, value) },
  ipcRenderer: preloadElectron.ipcRenderer,
}));

afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

/** A navigation or open event as Electron passes it: a URL and a preventDefault. */
function preventable(url = ''): { url: string; preventDefault: () => void; prevented: () => boolean } {
  let prevented = false;
  return { url, preventDefault: () => (prevented = true), prevented: () => prevented };
}

describe('app:// protocol', () => {
  let root: string;
  beforeEach(() => {
    const parent = tempDir();
    root = join(parent, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fieldbook</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(parent, 'secret.txt'), 'secret');
  });

  it('is registered as a standard, secure scheme before ready, then answered from the UI folder', async () => {
    const registered: unknown[] = [];
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol: ProtocolModule = {
      registerSchemesAsPrivileged: (schemes) => registered.push(...schemes),
      handle: (scheme, h) => {
        expect(scheme).toBe(APP_SCHEME);
        handler = h;
      },
    };
    registerAppScheme(protocol);
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(registered[0]).not.toHaveProperty('privileges.bypassCSP');
    handleAppScheme(protocol, root);
    const response = await handler!(new Request(`${APP_ORIGIN}/assets/app.js`));
    expect(await response.text()).toBe('console.log(1)');
  });

  it('maps app URLs to files inside the UI folder', () => {
    expect(resolveAppUrl(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, `${APP_ORIGIN}/index.html`)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, `${APP_ORIGIN}/assets/app.js?v=1#top`)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppUrl(root, `${APP_ORIGIN}/projects/0190`)).toBe(join(root, 'index.html'));
  });

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/assets/../../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/assets/%2E%2E/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/..%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/assets\\..\\..\\secret.txt`,
    `${APP_ORIGIN}//etc/passwd`,
    `${APP_ORIGIN}/%2Fetc%2Fpasswd`,
    `${APP_ORIGIN}/%00index.html`,
    `${APP_ORIGIN}/C:/Windows/win.ini`,
    `${APP_ORIGIN}/index.html::$DATA`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other/index.html',
    'app://fieldbook.evil/index.html',
    'app://fieldbook:8080/index.html',
    'app://user@fieldbook/index.html',
    'app://fieldbook',
    'file:///etc/passwd',
    'https://fieldbook/index.html',
  ])('refuses %s', async (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
    const response = await serveAppRequest(root, { url, method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('serves files with their MIME type and the strict Content-Security-Policy', async () => {
    const html = await serveAppRequest(root, { url: `${APP_ORIGIN}/index.html`, method: 'GET' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = html.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(await html.text()).toContain('<title>Fieldbook</title>');

    const js = await serveAppRequest(root, { url: `${APP_ORIGIN}/assets/app.js`, method: 'GET' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await serveAppRequest(root, { url: `${APP_ORIGIN}/assets/app.css`, method: 'GET' });
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body, refuses other methods and reports missing files', async () => {
    const head = await serveAppRequest(root, { url: `${APP_ORIGIN}/index.html`, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await serveAppRequest(root, { url: `${APP_ORIGIN}/index.html`, method: 'POST' })).status).toBe(405);
    expect((await serveAppRequest(root, { url: `${APP_ORIGIN}/assets/missing.js`, method: 'GET' })).status).toBe(404);
  });
});

/** A BrowserWindow stand-in: records its options and what was done to it. */
class FakeWindow extends EventEmitter implements MainWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = {
    sent: [] as string[],
    destroyed: false,
    crashed: false,
    send(channel: string): void {
      this.sent.push(channel);
    },
    isDestroyed(): boolean {
      return this.destroyed;
    },
    isCrashed(): boolean {
      return this.crashed;
    },
  };
  loaded: string[] = [];
  shown = false;
  closed = false;

  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
  }

  show(): void {
    this.shown = true;
  }

  /** Like Electron: emits 'close', and closes unless a listener prevented it. */
  close(): void {
    const event = preventable();
    this.emit('close', event);
    if (!event.prevented()) this.closed = true;
  }

  isDestroyed(): boolean {
    return this.closed;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

/** An ipcMain stand-in for the flush handshake. */
function fakeFlushChannel(): FlushChannel & { reply(sender: unknown): void; listenerCount(): number } {
  const emitter = new EventEmitter();
  return {
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
    reply: (sender) => emitter.emit(IPC_CHANNELS.flushed, { sender }),
    listenerCount: () => emitter.listenerCount(IPC_CHANNELS.flushed),
  };
}

describe('main window', () => {
  it('is created locked down, with the preload, showing the app origin once painted', () => {
    const win = createMainWindow(FakeWindow, fakeFlushChannel(), { preload: '/app/dist/electron/preload.cjs', icon: '/app/resources/icon.png' });
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(win.options.icon).toBe('/app/resources/icon.png');
    expect(win.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('closing the window saves pending typing first', () => {
  let win: FakeWindow;
  let ipc: ReturnType<typeof fakeFlushChannel>;
  beforeEach(() => {
    vi.useFakeTimers();
    win = new FakeWindow({});
    ipc = fakeFlushChannel();
    flushBeforeClose(win, ipc);
  });

  it('holds the window, asks the page to flush, and closes when the page answers', () => {
    win.close();
    expect(win.closed).toBe(false);
    expect(win.webContents.sent).toEqual([IPC_CHANNELS.flushRequest]);

    win.close(); // a second click while flushing asks nothing new
    expect(win.webContents.sent).toEqual([IPC_CHANNELS.flushRequest]);

    ipc.reply({}); // another page's answer does not count
    expect(win.closed).toBe(false);

    ipc.reply(win.webContents);
    expect(win.closed).toBe(true);
    expect(ipc.listenerCount()).toBe(0);
  });

  it(`closes after ${FLUSH_TIMEOUT_MS} ms when the page does not answer`, () => {
    win.close();
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    expect(win.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.closed).toBe(true);
    expect(ipc.listenerCount()).toBe(0);
  });

  it('closes at once when the page has crashed', () => {
    win.webContents.crashed = true;
    win.close();
    expect(win.webContents.sent).toEqual([]);
    expect(win.closed).toBe(true);
  });
});

describe('quitting waits for the core', () => {
  /** A data folder with no shared folder set up. */
  const status: SyncStatus = { sharePath: '', lastSync: null, waiting: 0, reachable: null, conflicts: 0 };
  const notSetUp = (): Promise<unknown> => Promise.resolve(status);

  /** Electron's app as far as quitting goes: quit() emits will-quit, which a listener may hold. */
  class FakeApp extends EventEmitter implements QuittingApp {
    quits = 0;
    ended = false;
    quit(): void {
      this.quits += 1;
      let held = false;
      this.emit('will-quit', { preventDefault: () => (held = true) });
      if (!held) this.ended = true;
    }
  }

  it('holds the quit until the core has answered its calls and closed, then quits', async () => {
    const app = new FakeApp();
    const closed = Promise.withResolvers<void>();
    const close = vi.fn(() => closed.promise);
    closeCoreBeforeQuit(app, { close, call: notSetUp });

    app.quit();
    app.quit(); // a second quit while the core closes closes nothing twice
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(app.ended).toBe(false);

    closed.resolve();
    await vi.waitFor(() => expect(app.ended).toBe(true));
    expect(app.quits).toBe(3);
  });

  it('sends what waits to the shared folder before closing, when one is set and reachable', async () => {
    const app = new FakeApp();
    const order: string[] = [];
    const call = vi.fn((method: unknown): Promise<unknown> => {
      order.push(String(method));
      return Promise.resolve(method === 'sync.status' ? { ...status, sharePath: '/mnt/share', reachable: true, waiting: 3 } : {});
    });
    closeCoreBeforeQuit(app, { call, close: () => (order.push('close'), Promise.resolve()) });
    app.quit();
    await vi.waitFor(() => expect(app.ended).toBe(true));
    expect(order).toEqual(['sync.status', 'sync.run', 'close']);
    expect(call).toHaveBeenCalledWith('sync.run', { share: '/mnt/share' }, expect.objectContaining({ signal: expect.any(AbortSignal) as unknown }));
  });

  it('quits without a sync when nothing waits or the folder is away, and gives a hanging sync up after the timeout', async () => {
    for (const away of [{ reachable: false, waiting: 3 }, { reachable: true, waiting: 0 }]) {
      const app = new FakeApp();
      const call = vi.fn((): Promise<unknown> => Promise.resolve({ ...status, sharePath: '/mnt/share', ...away }));
      closeCoreBeforeQuit(app, { call, close: () => Promise.resolve() });
      app.quit();
      await vi.waitFor(() => expect(app.ended).toBe(true));
      expect(call).toHaveBeenCalledTimes(1);
    }

    vi.useFakeTimers();
    const app = new FakeApp();
    let cancelled = false;
    const call = (method: unknown, _input: unknown, options?: { signal?: AbortSignal }): Promise<unknown> => {
      if (method === 'sync.status') return Promise.resolve({ ...status, sharePath: '/mnt/slow', reachable: true, waiting: 1 });
      return new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => ((cancelled = true), reject(new Error('cancelled')))));
    };
    closeCoreBeforeQuit(app, { call, close: () => Promise.resolve() });
    app.quit();
    await vi.advanceTimersByTimeAsync(QUIT_SYNC_TIMEOUT_MS - 1);
    expect(app.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(app.ended).toBe(true));
    expect(cancelled).toBe(true);
  });
});

/** A WebContents stand-in for the guard. */
class FakeContents extends EventEmitter implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

describe('web contents guard', () => {
  let contents: FakeContents;
  let opened: string[];
  beforeEach(() => {
    contents = new FakeContents();
    opened = [];
    guardWebContents(contents, {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays inside the app origin', (event) => {
    for (const url of ['https://evil.example/', 'http://localhost:3000/', 'file:///etc/passwd', 'app://other/', 'app://fieldbook.evil/', 'javascript:alert(1)', 'about:blank']) {
      const e = preventable(url);
      contents.emit(event, e);
      expect(e.prevented(), url).toBe(true);
    }
    const inside = preventable(`${APP_ORIGIN}/index.html`);
    contents.emit(event, inside);
    expect(inside.prevented()).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const e = preventable();
    contents.emit('will-attach-webview', e);
    expect(e.prevented()).toBe(true);
  });

  it('opens no window, and hands only allow-listed https links to the system browser', () => {
    const deny = { action: 'deny' };
    expect(contents.openHandler!({ url: 'https://documentation.open-xchange.com/8/ui/' })).toEqual(deny);
    expect(contents.openHandler!({ url: 'https://www.open-xchange.com/products' })).toEqual(deny);
    for (const url of [
      'http://www.open-xchange.com/',
      'https://evil.example/',
      'https://www.open-xchange.com.evil.example/',
      'https://www.open-xchange.com@evil.example/',
      'https://user:pw@www.open-xchange.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      `${APP_ORIGIN}/index.html`,
      'smb://server/share',
      'not a url',
    ]) {
      expect(contents.openHandler!({ url })).toEqual(deny);
    }
    expect(opened).toEqual(['https://documentation.open-xchange.com/8/ui/', 'https://www.open-xchange.com/products']);
  });

  it('allow-lists by parsed URL, not by raw text', () => {
    expect(allowedExternalUrl('HTTPS://WWW.OPEN-XCHANGE.COM/a b')).toBe('https://www.open-xchange.com/a%20b');
    expect(allowedExternalUrl('https://www.open-xchange.com')).toBe('https://www.open-xchange.com/');
    expect(allowedExternalUrl('https://www.open-xchange.com:8443/')).toBeNull();
  });

  it('is applied to every web contents the app creates', () => {
    const app = new EventEmitter();
    guardAllWebContents({ on: (event, listener) => app.on(event, listener) }, { openExternal: () => Promise.resolve() });
    const later = new FakeContents();
    app.emit('web-contents-created', {}, later);
    const e = preventable('https://evil.example/');
    later.emit('will-navigate', e);
    expect(e.prevented()).toBe(true);
    expect(later.openHandler).toBeDefined();
  });

  it('denies every permission request and check', () => {
    const handlers: Partial<Record<keyof PermissionSession, (...args: never[]) => unknown>> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (handlers.setPermissionRequestHandler = h),
      setPermissionCheckHandler: (h) => (handlers.setPermissionCheckHandler = h),
      setDevicePermissionHandler: (h) => (handlers.setDevicePermissionHandler = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      const request = handlers.setPermissionRequestHandler as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
      request({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
    expect((handlers.setPermissionCheckHandler as () => boolean)()).toBe(false);
    expect((handlers.setDevicePermissionHandler as () => boolean)()).toBe(false);
  });
});

describe('IPC: the API channel', () => {
  let core: Core;
  let handler: Parameters<IpcMainHandle['handle']>[1];
  const appFrame: SenderFrame = { url: `${APP_ORIGIN}/index.html` };
  const page = { id: 1, send: vi.fn() };

  beforeEach(() => {
    core = openTestCore();
    registerApiHandler(
      {
        handle: (channel, listener) => {
          expect(channel).toBe(IPC_CHANNELS.call);
          handler = listener;
        },
        on: () => {},
      },
      core,
    );
  });
  afterEach(() => core.close());

  it('answers a call from the app frame with the result', async () => {
    const reply = await handler({ senderFrame: appFrame, sender: page }, 'app.info', {});
    expect(reply.ok).toBe(true);
    expect((reply as Extract<BridgeReply, { ok: true }>).result).toMatchObject({ version: '0.0.0-test', readOnly: false } satisfies Partial<AppInfo>);
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/index.html' }],
    ['a look-alike origin', { url: 'app://fieldbook.evil/index.html' }],
    ['a file page', { url: 'file:///tmp/index.html' }],
    ['a blank frame', { url: 'about:blank' }],
    ['no frame (navigated away or destroyed)', null],
    [
      'a frame disposed mid-call',
      {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ],
  ])('refuses a call from %s as unauthorized', async (_what, senderFrame) => {
    const before = core.call('customers.list', {});
    const reply = await handler({ senderFrame, sender: page }, 'customers.create', { name: 'Intruder GmbH' });
    expect(reply).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    expect(core.call('customers.list', {})).toEqual(before);
  });

  it('returns API errors as values, never throws', async () => {
    expect(await handler({ senderFrame: appFrame, sender: page }, 'no.such.method', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unknown_method', field: 'method' }),
    });
    expect(await handler({ senderFrame: appFrame, sender: page }, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await handler({ senderFrame: appFrame, sender: page }, 'customers.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(await handler({ senderFrame: appFrame, sender: page }, 'customers.get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'id' },
    });
  });

  it('leaves saving files on disk to the command line: the window downloads its documents', async () => {
    const core = { call: vi.fn((): unknown => ({})) };
    const input = { projectId: 'p', document: 'checklist', formats: ['pdf'], language: 'en', saveAs: { pdf: '/home/user/.bashrc' } };
    expect(await replyToCall(core, appFrame, 'documents.export', input)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'saveAs' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('turns an unexpected failure into an internal error value', async () => {
    const broken = { call: (): unknown => { throw new TypeError('boom'); } };
    expect(await replyToCall(broken, appFrame, 'app.info', {})).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('reports a watched call\'s progress to the page that made it, and cancels it on that page\'s word', async () => {
    let onHandle!: Parameters<IpcMainHandle['handle']>[1];
    let onCancel!: Parameters<IpcMainHandle['on']>[1];
    const started = Promise.withResolvers<AbortSignal>();
    const longWork = {
      call: (_method: unknown, _input: unknown, options?: CallOptions): Promise<unknown> => {
        options?.onProgress?.({ stage: 'send', done: 1, total: 4 });
        started.resolve(options!.signal!);
        return new Promise((_resolve, reject) => options!.signal!.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled' }))));
      },
    };
    registerApiHandler({ handle: (_channel, listener) => (onHandle = listener), on: (_channel, listener) => (onCancel = listener) }, longWork);
    const otherPage = { id: 2, send: vi.fn() };
    const reply = onHandle({ senderFrame: appFrame, sender: page }, 'sync.run', { share: '/mnt/share' }, 'task-1');
    const signal = await started.promise;
    expect(page.send).toHaveBeenCalledWith(IPC_CHANNELS.progress, 'task-1', { stage: 'send', done: 1, total: 4 });
    onCancel({ senderFrame: appFrame, sender: otherPage }, 'task-1');
    onCancel({ senderFrame: { url: 'https://evil.example/' }, sender: page }, 'task-1');
    expect(signal.aborted).toBe(false);
    onCancel({ senderFrame: appFrame, sender: page }, 'task-1');
    expect(await reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('goes on with watched work when its page has gone and cannot be told the progress', async () => {
    let onHandle!: Parameters<IpcMainHandle['handle']>[1];
    const work = {
      call: (_method: unknown, _input: unknown, options?: CallOptions): Promise<unknown> => {
        options?.onProgress?.({ stage: 'receive', done: 1, total: 2 });
        return Promise.resolve('synced');
      },
    };
    registerApiHandler({ handle: (_channel, listener) => (onHandle = listener), on: () => {} }, work);
    const closed = { id: 3, send: () => { throw new TypeError('Object has been destroyed'); } };
    expect(await onHandle({ senderFrame: appFrame, sender: closed }, 'sync.run', { share: '/mnt/share' }, 'task-2')).toEqual({ ok: true, result: 'synced' });
  });
});

describe('preload bridge', () => {
  let bridge: FieldbookBridge;
  beforeEach(async () => {
    await import('../../electron/preload/index.ts');
    bridge = preloadElectron.exposed.get('fieldbook') as FieldbookBridge;
    preloadElectron.ipcRenderer.invoke.mockClear();
    preloadElectron.ipcRenderer.send.mockClear();
  });

  it('exposes only call, cancel and onBeforeClose as window.fieldbook', () => {
    expect([...preloadElectron.exposed.keys()]).toEqual(['fieldbook']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'cancel', 'onBeforeClose']);
  });

  it('passes a watched call\'s progress to its watcher only, and its cancel to the main process', async () => {
    let answer!: (reply: BridgeReply) => void;
    preloadElectron.ipcRenderer.invoke.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const seen: unknown[] = [];
    const reply = bridge.call('sync.run', { share: '/mnt/share' }, { id: 'task-7', onProgress: (p) => seen.push(p) });
    expect(preloadElectron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.call, 'sync.run', { share: '/mnt/share' }, 'task-7');
    const progress = preloadElectron.listeners.get(IPC_CHANNELS.progress)!;
    progress({}, 'task-6', { stage: 'read' });
    progress({}, 'task-7', { stage: 'receive', done: 2, total: 3 });
    bridge.cancel('task-7');
    expect(preloadElectron.ipcRenderer.send).toHaveBeenCalledWith(IPC_CHANNELS.cancel, 'task-7');
    answer({ ok: true, result: 'done' });
    expect(await reply).toEqual({ ok: true, result: 'done' });
    expect(seen).toEqual([{ stage: 'receive', done: 2, total: 3 }]);
    expect(preloadElectron.listeners.has(IPC_CHANNELS.progress)).toBe(false);
  });

  it('forwards known methods over the API channel', async () => {
    expect(await bridge.call('projects.list', { search: 'x' })).toEqual({ ok: true, result: 'from main' });
    expect(preloadElectron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.call, 'projects.list', { search: 'x' });
  });

  it.each(['no.such.method', 'constructor', '__proto__', 'toString', ''])('refuses %j without sending it', async (method) => {
    expect(await bridge.call(method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method', field: 'method' } });
    expect(preloadElectron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('answers a flush request after the registered flushes, even failing ones', async () => {
    const flushRequest = preloadElectron.listeners.get(IPC_CHANNELS.flushRequest)!;
    const order: string[] = [];
    let release!: () => void;
    bridge.onBeforeClose(() => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('saved')));
    bridge.onBeforeClose(() => Promise.reject(new Error('disk full')));
    flushRequest();
    await Promise.resolve();
    expect(preloadElectron.ipcRenderer.send).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(preloadElectron.ipcRenderer.send).toHaveBeenCalledWith(IPC_CHANNELS.flushed));
    expect(order).toEqual(['saved']);
  });
});

describe('data folder override', () => {
  it('takes --data-dir DIR, --data-dir=DIR or FIELDBOOK_DATA_DIR, resolved against the working folder', () => {
    expect(dataDirOverride(['electron', 'main.cjs', '--data-dir=/tmp/a'], {}, '/work')).toBe('/tmp/a');
    expect(dataDirOverride(['electron', 'main.cjs', '--data-dir', 'b'], {}, '/work')).toBe('/work/b');
    expect(dataDirOverride(['electron', 'main.cjs'], { FIELDBOOK_DATA_DIR: 'c' }, '/work')).toBe('/work/c');
    expect(dataDirOverride(['electron', 'main.cjs', '--data-dir=/tmp/a'], { FIELDBOOK_DATA_DIR: 'c' }, '/work')).toBe('/tmp/a');
    expect(dataDirOverride(['electron', 'main.cjs', '--data-dir', '--inspect'], {}, '/work')).toBeNull();
    expect(dataDirOverride(['electron', 'main.cjs'], {}, '/work')).toBeNull();
  });
});

describe('the credentials key in the system store', () => {
  /** safeStorage as far as the shell uses it: sealing is reversible only by this stand-in "user". */
  function systemStore(user = 'miriam', available = true, backend = 'gnome_libsecret'): SystemStore {
    return {
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => backend,
      encryptString: (text) => Buffer.from(`sealed for ${user}:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed) => {
        const [owner, hex] = sealed.toString().split(':');
        if (owner !== `sealed for ${user}`) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return Buffer.from(hex!, 'hex').toString();
      },
    };
  }

  it('makes a key on first need, sealed by the store into credentials.key.safe (owner-only), and opens it at the next start', () => {
    const dir = tempDir();
    const first = credentialKeySource(systemStore(), dir, 'linux');
    expect(first.kind).toBe('toSeal');
    const key = credentialKeyOf(first, dir);
    // Nothing is made before a secret needs the key.
    expect(key.load()).toBeNull();
    expect(existsSync(join(dir, SEALED_KEY_FILE))).toBe(false);
    const made = key.create();
    expect(key.load()).toEqual(made);
    expect(statSync(join(dir, SEALED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, SEALED_KEY_FILE), 'utf8')).not.toContain(made.toString('base64'));

    const next = credentialKeySource(systemStore(), dir, 'linux');
    expect(next).toMatchObject({ kind: 'given', where: `the system's key store (${join(dir, SEALED_KEY_FILE)})` });
    expect(credentialKeyOf(next, dir).load()).toEqual(made);
  });

  it("says so when the store cannot open the sealed key, and never replaces it", () => {
    const dir = tempDir();
    credentialKeyOf(credentialKeySource(systemStore('miriam'), dir, 'linux'), dir).create();
    const sealed = readFileSync(join(dir, SEALED_KEY_FILE));
    const other = credentialKeySource(systemStore('jonas'), dir, 'linux');
    expect(other).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining('sealed for another user or computer') });
    const key = credentialKeyOf(other, dir);
    expect(() => key.load()).toThrow(/cannot open the credentials key/);
    expect(() => key.create()).toThrow(/cannot open the credentials key/);
    expect(readFileSync(join(dir, SEALED_KEY_FILE))).toEqual(sealed);
  });

  it('falls back to the key file without a store, with only its built-in password, or where a key file is already the key', () => {
    const dir = tempDir();
    expect(credentialKeySource(systemStore('miriam', false), dir, 'darwin')).toEqual({ kind: 'file' });
    expect(credentialKeySource(systemStore('miriam', true, 'basic_text'), dir, 'linux')).toEqual({ kind: 'file' });
    keyFile(dir).create();
    expect(credentialKeySource(systemStore(), dir, 'linux')).toEqual({ kind: 'file' });
    expect(existsSync(join(dir, SEALED_KEY_FILE))).toBe(false);
  });
});
