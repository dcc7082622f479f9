// A results file sent from the window, which cannot name a path on this machine (a browser never
// gives one): it arrives in pieces of at most MAX_UPLOAD_CHUNK_BYTES, appended in order to a file
// in the data folder's `uploads` folder, and is read from there by the import, which removes it.
// An upload given up halfway is removed when the next one starts a day later.
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/errors.ts';
import { newId } from '../ids.ts';

const STALE_MS = 24 * 3600 * 1000;

/** The file's name holds the size announced at the start, which the pieces must not pass. */
const uploadFile = (dataDir: string, uploadId: string, size: number) => join(dataDir, 'uploads', `${uploadId}.${size}.part`);

function findUpload(dataDir: string, uploadId: string): { path: string; size: number } {
  const dir = join(dataDir, 'uploads');
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No uploads folder: no upload either.
  }
  const name = names.find((n) => n.startsWith(`${uploadId}.`) && n.endsWith('.part'));
  if (!name) throw new ApiError({ code: 'not_found', field: 'uploadId', message: `uploadId: no upload ${uploadId} (finished, or never started)` });
  return { path: join(dir, name), size: Number(name.slice(uploadId.length + 1, -'.part'.length)) };
}

export function beginUpload(dataDir: string, size: number, now: number): string {
  const dir = join(dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  const uploadId = newId();
  writeFileSync(uploadFile(dataDir, uploadId, size), '');
  return uploadId;
}

/** Appends a piece at `offset`, which must be where the file ends: a piece sent twice or out of order is refused. */
export function appendUpload(dataDir: string, uploadId: string, offset: number, bytes: Buffer): { received: number; size: number } {
  const { path, size } = findUpload(dataDir, uploadId);
  const received = statSync(path).size;
  if (offset !== received) throw new ApiError({ code: 'invalid_input', field: 'offset', message: `offset: the upload has ${received} bytes, not ${offset}` });
  if (received + bytes.length > size) throw new ApiError({ code: 'invalid_input', field: 'data', message: `data: the upload would pass its announced ${size} bytes` });
  appendFileSync(path, bytes);
  return { received: received + bytes.length, size };
}

/** The complete upload's path; refused while pieces are missing. */
export function completedUpload(dataDir: string, uploadId: string): string {
  const { path, size } = findUpload(dataDir, uploadId);
  const received = statSync(path).size;
  if (received !== size) throw new ApiError({ code: 'invalid_input', field: 'uploadId', message: `uploadId: ${received} of ${size} bytes arrived` });
  return path;
}

export function removeUpload(dataDir: string, uploadId: string): void {
  try {
    rmSync(findUpload(dataDir, uploadId).path, { force: true });
  } catch {
    // Already gone.
  }
}
