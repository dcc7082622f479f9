// The local web host: the built renderer and the API over HTTP, on 127.0.0.1 only, behind a
// random token made at each start. It serves end-to-end tests, UI development and machines
// where Electron cannot run.
//
// Who may call: a request must carry the token, as `Authorization: Bearer <token>` (API calls)
// or as the HttpOnly cookie the host sets when the page is first opened with `?token=`. API
// calls accept only the header, so another site in the same browser cannot ride on the cookie.
// The Host header must name this host, which defeats DNS rebinding. And should the token leak to
// a page of another origin, the browser still gives that page away: an API call that says it comes
// from another origin (Origin, or Sec-Fetch-Site) is refused. Tools that send neither (curl, the
// tests, scripts) keep working with the token alone.
//
// What may come in: a request body up to the one limit every host shares (shared/limits.ts),
// else 413 with the limit named; UTF-8 with nothing replaced; JSON read as every host reads it
// (electron/core/api/input-text.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commandLineOnly } from '../../shared/api.ts';
import { ApiError, type ApiErrorBody } from '../../shared/errors.ts';
import { MAX_REQUEST_BYTES } from '../../shared/limits.ts';
import { PROGRESS_STREAM_TYPE, type StreamLine } from '../../shared/task-progress.ts';
import { inputOfText, requestTooLarge, textOfBytes, type RequestSource } from '../core/api/input-text.ts';
import type { CoreClient } from '../core/worker/client.ts';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from '../core/static-files.ts';
import { HTTP_STATUS } from './http-status.ts';

const COOKIE = 'fieldbook_token';
const BODY: RequestSource = { field: '(body)', name: 'The request body' };

export interface HttpHostOptions {
  core: Pick<CoreClient, 'call'>;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface HttpHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

function bearerToken(req: IncomingMessage): string | null {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiErrorBody, status = HTTP_STATUS[error.code]): void {
  sendJson(res, status, { error });
}

function errorBody(error: unknown): ApiErrorBody {
  return error instanceof ApiError ? error.toJSON() : { code: 'internal', message: String(error) };
}

function writeLine(res: ServerResponse, line: StreamLine): void {
  if (!res.headersSent) res.writeHead(200, { 'Content-Type': `${PROGRESS_STREAM_TYPE}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.write(`${JSON.stringify(line)}\n`);
}

/**
 * The answer of a caller that watches long work (it asked for the stream type): a line per
 * progress report as the work goes, then one with the result or the error. The status is 200
 * either way, since it is sent before the outcome is known; the last line tells.
 */
async function streamAnswer(res: ServerResponse, answer: Promise<unknown>): Promise<void> {
  try {
    writeLine(res, { result: await answer });
  } catch (error) {
    writeLine(res, { error: errorBody(error) });
  }
  res.end();
}

/**
 * The request's body, or null when it is larger than the limit. A body that says its length is
 * answered at once; one that does not is read to its end, its excess dropped: stopping to read
 * would reset the connection, and the caller would see that instead of the answer.
 */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > MAX_REQUEST_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(buf);
  }
  return size <= MAX_REQUEST_BYTES ? Buffer.concat(chunks) : null;
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const hostAllowed = (req: IncomingMessage): boolean =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  /** Why a browser's request from a page of another origin is refused; null when it is not one. */
  function foreignOrigin(req: IncomingMessage): string | null {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return `A request from ${origin} is refused: only this host's own page may call the API`;
    }
    // Sent by browsers even where Origin is not; "none" is a request the user made themselves.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return `A ${site} request is refused: only this host's own page may call the API`;
    return null;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const foreign = foreignOrigin(req);
    if (foreign) {
      sendError(res, { code: 'unauthorized', message: foreign }, 403);
      return;
    }
    const given = bearerToken(req);
    if (!given || !sameSecret(given, token)) {
      sendError(res, { code: 'unauthorized', message: 'Missing or wrong token' });
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    const bytes = await readBody(req);
    if (!bytes) {
      sendError(res, requestTooLarge(BODY).toJSON(), 413);
      return;
    }
    let input: unknown;
    try {
      const text = textOfBytes(bytes, BODY);
      input = text.trim() === '' ? {} : inputOfText(text, BODY);
    } catch (error) {
      sendError(res, errorBody(error));
      return;
    }
    const refused = commandLineOnly(method, input);
    if (refused) {
      sendError(res, refused);
      return;
    }
    // A caller that goes away (a closed tab) cancels its long work: nobody would receive the file.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    if (req.headers.accept === PROGRESS_STREAM_TYPE) {
      await streamAnswer(res, options.core.call(method, input, { signal: gone.signal, onProgress: (progress) => writeLine(res, { progress }) }));
      return;
    }
    try {
      sendJson(res, 200, { result: await options.core.call(method, input, { signal: gone.signal }) });
    } catch (error) {
      sendError(res, errorBody(error));
    }
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const fromQuery = url.searchParams.get('token');
    const fromCookie = cookieToken(req);
    const queryOk = fromQuery !== null && sameSecret(fromQuery, token);
    if (!queryOk && !(fromCookie !== null && sameSecret(fromCookie, token))) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Fieldbook: open the full URL printed at start (it carries the access token).\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not built yet: run `npm run build:renderer`.\n');
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (queryOk) headers['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server = createServer((req, res) => {
    if (!hostAllowed(req)) {
      sendError(res, { code: 'unauthorized', message: 'Unexpected Host header' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const apiMatch = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const work = apiMatch ? handleApi(req, res, apiMatch[1]!) : handleStatic(req, res, url);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { code: 'internal', message: String(error) });
      else res.destroy();
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // An open browser tab keeps its connections alive; a stopping host does not wait for it.
            server.closeAllConnections();
          }),
      });
    });
  });
}
