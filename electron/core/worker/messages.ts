// What crosses between the threads: a host's client and the core's thread, and the core's thread
// and its render thread. Everything here survives structured cloning; errors cross as their body
// and become ApiErrors again on the other side, code and field intact.
import type { DocumentFormat } from '../../../shared/documents/types.ts';
import { ApiError, type ApiErrorBody } from '../../../shared/errors.ts';
import type { DocumentSource } from '../documents/compose.ts';
import type { CredentialKeySource } from '../secrets/key-source.ts';
import type { Progress } from '../../../shared/task-progress.ts';

/** The core's thread is started with this (as workerData). */
export interface CoreThreadData {
  dataDir: string;
  appVersion: string;
  resourcesDir: string | undefined;
  credentialKey: CredentialKeySource;
  /** The render thread's entry file (absolute path). */
  renderThreadFile: string;
}

export type ToCore =
  | {
      type: 'call';
      id: number;
      method: unknown;
      input: unknown;
      /** Whether the caller listens to progress; nobody listening, nothing is sent. */
      watched: boolean;
      /** Memory shared with the client, set to 1 when it cancels; null for calls it cannot cancel. */
      cancelFlag: Int32Array | null;
    }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type FromCore =
  | { type: 'ready' }
  /** The data folder could not be opened (damaged, unreadable); the thread ends. */
  | { type: 'failed'; error: ApiErrorBody }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: ApiErrorBody };

export interface RenderThreadData {
  resourcesDir: string;
}

export interface RenderRequest {
  id: number;
  source: DocumentSource;
  format: DocumentFormat;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

export function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.toJSON();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
