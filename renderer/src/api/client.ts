// The renderer's one way to the core: the API table, over whichever host serves this page.
// In Electron that is the preload's bridge (IPC); in a browser it is the local web host, whose
// access token arrives once in the URL (`?token=`). The token is kept for this tab only and taken
// out of the address bar, so it does not end up in bookmarks or screenshots.
import type { ApiCall, MethodInput, MethodName, MethodResult } from '../../../shared/api.ts';
import type { BridgeReply } from '../../../shared/bridge.ts';
import { ApiError } from '../../../shared/errors.ts';

const TOKEN_KEY = 'fieldbook.token';
/** Browsers cap the bodies of requests that outlive the page (keepalive) at 64 KiB in total. */
const KEEPALIVE_MAX_CHARS = 32_000;

function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function replyToResult<M extends MethodName>(reply: BridgeReply): MethodResult<M> {
  if (!reply.ok) throw ApiError.fromBody(reply.error);
  return reply.result as MethodResult<M>;
}

function overHttp(token: string | null): ApiCall {
  return async (method, input) => {
    const body = JSON.stringify(input);
    let response: Response;
    try {
      response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body,
        // Lets a save started as the tab closes reach the host.
        keepalive: body.length <= KEEPALIVE_MAX_CHARS,
      });
    } catch {
      throw new ApiError({ code: 'internal', message: 'The Fieldbook web host cannot be reached. Is it still running?' });
    }
    const json = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
    if (json && 'error' in json) throw ApiError.fromBody(json.error);
    if (!response.ok || !json) throw new ApiError({ code: 'internal', message: `The web host answered ${response.status}` });
    return json.result as MethodResult<typeof method>;
  };
}

function overBridge(): ApiCall {
  const bridge = window.fieldbook!;
  return async <M extends MethodName>(method: M, input: MethodInput<M>) => replyToResult<M>(await bridge.call(method, input));
}

/** Calls one API method; throws ApiError (with the offending field, where there is one). */
export const api: ApiCall = window.fieldbook ? overBridge() : overHttp(takeTokenFromUrl());
