// Hardening every web contents gets, whatever window it belongs to: it may show only our own UI,
// open no windows and no <webview>, and is granted no browser permission. Links to a short list
// of https sites open in the user's browser instead.
import { APP_ORIGIN } from '../../shared/bridge.ts';

/** Sites the UI may link to (documentation of the product the consultant implements). */
export const EXTERNAL_URL_PREFIXES = ['https://www.open-xchange.com/', 'https://documentation.open-xchange.com/'] as const;

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * The URL to hand to the system browser, or null. Compared after parsing, so that user info
 * ("https://www.open-xchange.com@evil.example/") or look-alike hosts cannot pass as a prefix.
 */
export function allowedExternalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  return EXTERNAL_URL_PREFIXES.some((prefix) => parsed.href.startsWith(prefix)) ? parsed.href : null;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of a WebContents the guard touches (a stand-in in tests). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

export function guardWebContents(contents: GuardedContents, shell: ExternalOpener): void {
  const stayInApp = (event: PreventableEvent & { url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  // Frames too: the CSP already keeps foreign pages out of frames, this keeps them from leaving.
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // No window ever opens; an allow-listed https URL, re-serialised after parsing, goes to the
    // system browser instead.
    const external = allowedExternalUrl(url);
    if (external) {
      const report = (error: unknown): void => console.error('Fieldbook: could not open', external, error);
      shell.openExternal(external).catch(report); // eng-disable OPEN_EXTERNAL_JS_CHECK (allow-listed above)
    }
    return { action: 'deny' };
  });
}

/** The parts of a Session used here. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** The UI needs no camera, notifications, clipboard reads, devices or anything else. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The parts of `app` used here. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

/** Guards every web contents as it is created, so no later window can slip through. */
export function guardAllWebContents(app: WebContentsSource, shell: ExternalOpener): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}
