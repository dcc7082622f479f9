// A snapshot: what a device joining the share (or back after a long time away) needs to reach the
// state and the conflicts list of replaying every change file it holds, in one verified file
// (share format 1). Gzip-compressed JSON Lines in UTF-8, every line ending in \n:
//
//   {"fieldbook":"snapshot","format":1,"device":…,"schema":…,"files":…,"count":…,"covers":{…},"written":…}
//   ["<hash>","<device>",<number>,"<first stamp>","<last stamp>",<count>,{knows}]   (files lines)
//   ["<stamp>","<entity>","<row id>","<field>",<value>,<schema version>]          (count lines)
//   {"end":"<sha256 hex of every byte before this line>"}
//
// The files lines are the change files it holds (all its writer had applied or written, with what
// each one's writer knew: conflicts are worked out from it); `covers` says per device (its writer
// included) up to which stamp it holds all changes, so a reader learns from the header alone
// whether it brings anything new. A cut file fails to decompress or lacks its end line; a damaged
// one fails its hash. The name is s-<newest stamp it covers: ms>-<counter>-<first 16 hex of the
// hash>.jsonl.gz, sorted by what it covers and checkable against the content, as a change file's.
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { SyncFileRecord } from '../write-path.ts';
import {
  changeProblem,
  compare,
  damaged,
  decodeUtf8,
  END_LINE,
  END_LINE_BYTES,
  inLine,
  isDeviceId,
  isRecord,
  isWholeNumber,
  knowsProblem,
  parseJson,
  SHARE_FORMAT,
  sha256,
  stampDevice,
  stampStart,
  type Refusal,
  type ShareChange,
  type Unchecked,
} from './change-file-format.ts';

/** What a reader reads of a snapshot from the share at most; far above what years of a team's work make (a few MB per 100,000 fields). */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** The same for its content once decompressed: a damaged or hostile file cannot make a reader take more. */
const MAX_SNAPSHOT_CONTENT_BYTES = 1024 * 1024 * 1024;
/** What the header is read from: its first line (a few KB with a hundred devices), decompressed from the start of the file alone. */
export const SNAPSHOT_HEADER_BYTES = 16 * 1024;

export interface SnapshotHeader {
  format: number;
  device: string; // the writer (its folder's device)
  schema: number; // the writer's schema version
  files: number; // change files it holds
  count: number; // changes it holds
  covers: Record<string, string>; // per device, the stamp up to which it holds all that device's changes
  written: string; // ISO time
}

export interface ReadSnapshot {
  device: string;
  header: SnapshotHeader;
  files: SyncFileRecord[];
  changes: ShareChange[];
}

/** The name, with any decoration a sync client gives a copy (see change-file-format.ts). */
const NAME = /^s-(\d{15}-\d{10})-([0-9a-f]{16})(?:[ ._(-].*)?\.jsonl\.gz$/;
const FILE_HASH = /^[0-9a-f]{16}$/;

/** Whether a file name is a snapshot's, its sync client's decoration allowed. */
export function isSnapshotName(name: string): boolean {
  return NAME.test(name);
}

/** The hash a snapshot's name carries; null for another name. */
export function snapshotHash(name: string): string | null {
  return NAME.exec(name)?.[2] ?? null;
}

/** Encodes a snapshot; what the format cannot carry is a programming error and throws. */
export function encodeSnapshot(
  header: Omit<SnapshotHeader, 'format' | 'files' | 'count'>,
  files: readonly SyncFileRecord[],
  changes: readonly ShareChange[],
): { name: string; bytes: Buffer } {
  const covers = Object.fromEntries(Object.entries(header.covers).sort(([a], [b]) => compare(a, b)));
  const full: SnapshotHeader = { format: SHARE_FORMAT, device: header.device, schema: header.schema, files: files.length, count: changes.length, covers, written: header.written };
  const problem =
    headerProblem(full) ??
    files.map((file, i) => inLine(i, fileProblem(file))).find((p) => p !== undefined) ??
    changes.map((change, i) => inLine(files.length + i, changeProblem(change, undefined))).find((p) => p !== undefined);
  if (problem !== undefined) throw new Error(`Cannot write a snapshot: ${problem}`);
  // In pieces: a snapshot's text may be longer than one JavaScript string can be.
  const pieces: Buffer[] = [];
  let lines: string[] = [JSON.stringify({ fieldbook: 'snapshot', ...full })];
  const flush = () => {
    pieces.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
    lines = [];
  };
  for (const f of files) {
    lines.push(JSON.stringify([f.hash, f.device, f.number, f.firstStamp, f.lastStamp, f.count, Object.fromEntries(Object.entries(f.knows).sort(([a], [b]) => compare(a, b)))]));
    if (lines.length === 10_000) flush();
  }
  for (const c of changes) {
    lines.push(JSON.stringify([c.stamp, c.entity, c.rowId, c.field, c.value, c.schemaVersion]));
    if (lines.length === 10_000) flush();
  }
  if (lines.length > 0) flush();
  const content = Buffer.concat(pieces);
  if (content.length + END_LINE_BYTES > MAX_SNAPSHOT_CONTENT_BYTES) throw new Error(`Cannot write a snapshot: ${content.length} bytes is more than a reader accepts`);
  const id = sha256(content);
  const bytes = gzipSync(Buffer.concat([content, Buffer.from(`{"end":"${id}"}\n`, 'latin1')]));
  if (bytes.length > MAX_SNAPSHOT_BYTES) throw new Error(`Cannot write a snapshot: ${bytes.length} bytes is more than the ${MAX_SNAPSHOT_BYTES} a reader accepts`);
  return { name: `s-${stampStart(newestCovered(covers))}-${id.slice(0, 16)}.jsonl.gz`, bytes };
}

/**
 * The header alone, from the first bytes of the file (SNAPSHOT_HEADER_BYTES at most): enough to
 * tell whether the snapshot brings anything new. Nothing else is verified: whoever uses the
 * snapshot reads it whole (decodeSnapshot).
 */
export function decodeSnapshotHeader(start: Buffer, name: string, folderDevice: string): SnapshotHeader | Refusal {
  if (!NAME.test(name)) return damaged(`${name} is not a snapshot name`);
  if (start.length === 0) return { reason: 'empty', detail: '0 bytes: not downloaded yet (an online-only placeholder?) or not written yet' };
  let text: Buffer;
  try {
    // A sync flush: what the bytes given decompress to, the rest of the file not needed.
    text = gunzipSync(start, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: SNAPSHOT_HEADER_BYTES * 1024 });
  } catch (error) {
    return damaged(`it does not decompress: ${(error as Error).message}`);
  }
  const end = text.indexOf(0x0a);
  if (end < 0) return { reason: 'incomplete', detail: 'it ends before its first line: still being written or downloaded, or cut short' };
  return checkHeader(parseJson(decodeUtf8(text.subarray(0, end)) ?? ''), name, folderDevice);
}

/**
 * Decompresses and verifies a snapshot's bytes, read from the folder of `folderDevice` under
 * `name`: the header, the end line, the hash against the content and the name, the counts, every
 * file and change. Anything short of all that is refused with the reason.
 */
export function decodeSnapshot(bytes: Buffer, name: string, folderDevice: string): ReadSnapshot | Refusal {
  const named = NAME.exec(name);
  if (!named) return damaged(`${name} is not a snapshot name`);
  if (bytes.length === 0) return { reason: 'empty', detail: '0 bytes: not downloaded yet (an online-only placeholder?) or not written yet' };
  let content: Buffer;
  try {
    content = gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_CONTENT_BYTES });
  } catch (error) {
    const cut = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
    if (cut) return { reason: 'incomplete', detail: 'its compressed data ends early: still being written or downloaded, or cut short' };
    return damaged(`it does not decompress: ${(error as Error).message}`);
  }
  const headerEnd = content.indexOf(0x0a);
  if (headerEnd < 0) return { reason: 'incomplete', detail: 'it ends before its first line' };
  const header = checkHeader(parseJson(decodeUtf8(content.subarray(0, headerEnd)) ?? ''), name, folderDevice);
  if ('reason' in header) return header;
  const endStart = content.length - END_LINE_BYTES;
  const end = endStart > headerEnd && content[endStart - 1] === 0x0a ? END_LINE.exec(content.toString('latin1', endStart)) : null;
  if (!end) return { reason: 'incomplete', detail: 'it ends before its end line: still being written or downloaded, or cut short' };
  const id = sha256(content.subarray(0, endStart));
  if (id !== end[1]) return damaged('its content does not match the hash in its end line');
  if (!id.startsWith(named[2]!)) return damaged('its content does not match the hash in its name');

  const files: SyncFileRecord[] = [];
  const changes: ShareChange[] = [];
  let index = 0;
  for (let start = headerEnd + 1; start < endStart; index++) {
    const stop = content.indexOf(0x0a, start);
    const fields = parseJson(decodeUtf8(content.subarray(start, stop)) ?? '');
    start = stop + 1;
    if (index < header.files) {
      if (!Array.isArray(fields) || fields.length !== 7) return damaged(`line ${index + 2}: not a change file's record`);
      const [hash, device, number, firstStamp, lastStamp, count, knows] = fields as unknown[];
      const file = { hash, device, number, firstStamp, lastStamp, count, knows };
      const wrong = inLine(index, fileProblem(file));
      if (wrong !== undefined) return damaged(wrong);
      files.push(file as SyncFileRecord);
    } else {
      if (!Array.isArray(fields) || fields.length !== 6) return damaged(`line ${index + 2}: not a change`);
      const [stamp, entity, rowId, field, value, schemaVersion] = fields as unknown[];
      const change = { stamp, entity, rowId, field, value, schemaVersion };
      const wrong = inLine(index, changeProblem(change, undefined));
      if (wrong !== undefined) return damaged(wrong);
      changes.push(change as ShareChange);
    }
  }
  if (index !== header.files + header.count) return damaged(`its header counts ${header.files} files and ${header.count} changes, it holds ${index} lines`);
  return { device: header.device, header, files, changes };
}

/** The header, checked, and its newest covered stamp against the name. */
function checkHeader(header: unknown, name: string, folderDevice: string): SnapshotHeader | Refusal {
  if (!isRecord(header) || header.fieldbook !== 'snapshot') return damaged('its first line is not a snapshot header');
  if (Number.isInteger(header.format) && (header.format as number) > SHARE_FORMAT) {
    return { reason: 'newerFormat', detail: `written in share format ${String(header.format)} by a newer Fieldbook; this version reads format ${SHARE_FORMAT}` };
  }
  if (header.format !== SHARE_FORMAT) return damaged(`its share format ${JSON.stringify(header.format)} is not one Fieldbook writes`);
  const problem = headerProblem(header);
  if (problem !== undefined) return damaged(problem);
  const { format, device, schema, files, count, covers, written } = header as unknown as SnapshotHeader;
  if (device !== folderDevice) return { reason: 'foreign', detail: `written by device ${device}, but in the folder of device ${folderDevice}` };
  if (!name.startsWith(`s-${stampStart(newestCovered(covers))}-`)) return damaged('its name does not start with the newest stamp it covers');
  return { format, device, schema, files, count, covers, written };
}

function headerProblem(header: Partial<Unchecked<Omit<SnapshotHeader, 'format'>>>): string | undefined {
  if (typeof header.device !== 'string' || !isDeviceId(header.device)) return `the device id ${JSON.stringify(header.device)} is not hex digits`;
  if (!isWholeNumber(header.schema)) return `the schema version ${JSON.stringify(header.schema)} is not a whole number`;
  if (!isWholeNumber(header.files) || header.files === 0) return `the count of files ${JSON.stringify(header.files)} is not a number of files`;
  if (!isWholeNumber(header.count)) return `the count ${JSON.stringify(header.count)} is not a number of changes`;
  const covers = knowsProblem(header.covers, 'what it covers');
  if (covers !== undefined) return covers;
  if (Object.keys(header.covers as object).length === 0) return 'it covers no device';
  if (typeof header.written !== 'string' || Number.isNaN(Date.parse(header.written))) return `the time written ${JSON.stringify(header.written)} is not a time`;
  return undefined;
}

/** What is wrong with a change file's record, if anything. */
function fileProblem(file: Unchecked<SyncFileRecord>): string | undefined {
  if (typeof file.hash !== 'string' || !FILE_HASH.test(file.hash)) return `the file hash ${JSON.stringify(file.hash)} is not 16 hex digits`;
  if (typeof file.device !== 'string' || !isDeviceId(file.device)) return `the device id ${JSON.stringify(file.device)} is not hex digits`;
  if (!isWholeNumber(file.number)) return `the file number ${JSON.stringify(file.number)} is not a whole number`;
  for (const key of ['firstStamp', 'lastStamp'] as const) {
    if (stampDevice(file[key]) !== file.device) return `the ${key} ${JSON.stringify(file[key])} is not a stamp of device ${file.device}`;
  }
  if (!isWholeNumber(file.count) || file.count === 0) return `the count ${JSON.stringify(file.count)} is not a number of changes`;
  return knowsProblem(file.knows);
}

/** The newest of the stamps a snapshot covers: its place in time, which its name starts with. */
function newestCovered(covers: Record<string, string>): string {
  return Object.values(covers).reduce((a, b) => (compare(a, b) >= 0 ? a : b));
}
