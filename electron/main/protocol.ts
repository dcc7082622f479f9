// The UI is served from `app://fieldbook/…` rather than file://: a file:// page may read any file
// the user can, while this scheme answers only for the built renderer folder, through one path
// guard, with the same Content-Security-Policy as the web host.
import { readFile } from 'node:fs/promises';
import { APP_ORIGIN } from '../../shared/bridge.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from '../core/static-files.ts';

export const APP_SCHEME = 'app';

/** The parts of Electron's `protocol` module used here (a stand-in in tests). */
export interface ProtocolModule {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * Must run before the app is ready. "standard" gives the scheme an origin and relative URLs,
 * "secure" lets it count as a secure context like https; nothing bypasses the CSP.
 */
export function registerAppScheme(protocol: ProtocolModule): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Maps a request URL to a file inside `root`, or null. Works on the raw string: parsing it as a
 * URL first would silently resolve `..` and `%2e%2e` instead of refusing them. Anything but
 * exactly our origin (another host, a port, user info) is refused, and so are paths that could
 * read as absolute ("//etc", "/C:/…") or name a Windows stream ("index.html::$DATA"); the shared
 * guard then refuses `..`, backslashes and NUL.
 */
export function resolveAppUrl(root: string, url: string): string | null {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return null;
  const path = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('//') || decoded.includes(':')) return null;
  return resolveStaticPath(root, path);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Answers one request of the app scheme: a file of the built UI, or 404/405. */
export async function serveAppRequest(root: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppUrl(root, request.url);
  if (!file) return textResponse(404, 'Not found');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return textResponse(404, 'Not built yet: run `npm run build:renderer`.');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(content), {
    status: 200,
    headers: {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

/** Must run after the app is ready. */
export function handleAppScheme(protocol: ProtocolModule, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
