// The renderer's one way to the core: the API table, over whichever host serves this page.
// In Electron that is the preload's bridge (IPC); in a browser it is the local web host, whose
// access token arrives once in the URL (`?token=`). The token is kept for this tab only and taken
// out of the address bar, so it does not end up in bookmarks or screenshots.
import type { ApiCall, MethodInput, MethodName, MethodResult } from '../../../shared/api.ts';
import type { BridgeReply } from '../../../shared/bridge.ts';
import { ApiError } from '../../../shared/errors.ts';
import { PROGRESS_STREAM_TYPE, type Progress, type StreamLine } from '../../../shared/task-progress.ts';

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

/** Long work the window watches: its progress as it goes, and a signal that cancels it. */
export interface TaskOptions {
  onProgress: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** Calls one API method, watching it. */
type ApiTask = <M extends MethodName>(method: M, input: MethodInput<M>, options: TaskOptions) => Promise<MethodResult<M>>;

interface Transport {
  call: ApiCall;
  task: ApiTask;
}

const cancelled = (): ApiError => new ApiError({ code: 'cancelled', message: 'Cancelled: nothing was written.' });
const hostGone = (): ApiError => new ApiError({ code: 'internal', message: 'The Fieldbook web host cannot be reached. Is it still running?' });

/** The streamed answer's lines as they come: progress reports, then the result or the error. */
async function* streamLines(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    pending += decoder.decode(value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line !== '') yield JSON.parse(line) as StreamLine;
  }
}

function overHttp(token: string | null): Transport {
  const post = async (method: string, body: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(`./api/${method}`, {
        method: 'POST',
        body,
        ...init,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, ...init.headers },
      });
    } catch {
      throw init.signal?.aborted ? cancelled() : hostGone();
    }
  };
  const answerOf = async (response: Response): Promise<unknown> => {
    const json = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
    if (json && 'error' in json) throw ApiError.fromBody(json.error);
    if (!response.ok || !json) throw new ApiError({ code: 'internal', message: `The web host answered ${response.status}` });
    return json.result;
  };
  return {
    call: async (method, input) => {
      const body = JSON.stringify(input);
      // keepalive lets a save started as the tab closes reach the host.
      const response = await post(method, body, { keepalive: body.length <= KEEPALIVE_MAX_CHARS });
      return (await answerOf(response)) as MethodResult<typeof method>;
    },
    task: async (method, input, { onProgress, signal }) => {
      const response = await post(method, JSON.stringify(input), { headers: { Accept: PROGRESS_STREAM_TYPE }, signal });
      // Refusals before the work starts (a wrong token, a body too large) come as plain JSON.
      if (!response.headers.get('Content-Type')?.startsWith(PROGRESS_STREAM_TYPE) || !response.body) return (await answerOf(response)) as MethodResult<typeof method>;
      try {
        for await (const line of streamLines(response.body)) {
          if ('progress' in line) onProgress(line.progress);
          else if ('error' in line) throw ApiError.fromBody(line.error);
          else return line.result as MethodResult<typeof method>;
        }
      } catch (error) {
        if (signal?.aborted) throw cancelled();
        throw error;
      }
      throw hostGone();
    },
  };
}

function overBridge(): Transport {
  const bridge = window.fieldbook!;
  return {
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) => replyToResult<M>(await bridge.call(method, input)),
    task: async <M extends MethodName>(method: M, input: MethodInput<M>, { onProgress, signal }: TaskOptions) => {
      if (signal?.aborted) throw cancelled();
      const id = crypto.randomUUID();
      const cancel = (): void => bridge.cancel(id);
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        return replyToResult<M>(await bridge.call(method, input, { id, onProgress }));
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
  };
}

const transport = window.fieldbook ? overBridge() : overHttp(takeTokenFromUrl());

/** Calls one API method; throws ApiError (with the offending field, where there is one). */
export const api: ApiCall = transport.call;

/** Calls one API method that does long work, with its progress as it goes and a way to cancel it. */
export const apiTask: ApiTask = transport.task;
