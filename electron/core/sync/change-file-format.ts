// A change file: how one device's changes travel through the shared folder (share format 1). JSON
// Lines in UTF-8, every line ending in \n, the last one included:
//
//   {"fieldbook":"changes","format":1,"device":…,"number":…,"schema":…,"count":…,"knows":{…},"written":…}
//   ["<stamp>","<entity>","<row id>","<field>",<value>,<schema version>]     (count lines)
//   {"end":"<sha256 hex of every byte before this line>"}
//
// A file cut at any byte lacks its end line, and a damaged one fails its hash. The name is
// c-<first stamp's ms>-<first stamp's counter>-<first 16 hex of that hash>.jsonl: sorted by time,
// the same for the same content (writing twice gives one file), and checkable against the content,
// so a copy a sync client renamed still proves which file it is. The format is checked in full here,
// the writer's side as strictly as the reader's: a writer cannot make a file its readers refuse.
import { createHash } from 'node:crypto';
import type { FieldValue } from '../db/entities.ts';
import { parseStamp } from '../hlc.ts';

export const SHARE_FORMAT = 1;

/**
 * A reader holds a whole file in memory. The caller ends a file at a few MB; this bounds what a
 * stray large file with a change file's name can cost, and the writer keeps to it too.
 */
export const MAX_CHANGE_FILE_BYTES = 64 * 1024 * 1024;

/** One field-level change as the share carries it (the device is the stamp's and the file's). */
export interface ShareChange {
  stamp: string;
  entity: string;
  rowId: string;
  field: string;
  value: FieldValue;
  schemaVersion: number;
}

export interface ChangeFileHeader {
  format: number; // SHARE_FORMAT of the writer
  device: string; // writer's device id (must equal its folder name)
  number: number; // the file's place among its writer's change files: 1, 2, 3… (a reader sees a gap); 0 read from a file written before files were numbered
  schema: number; // writer's schema version
  count: number; // number of changes
  knows: Record<string, string>; // per other device, the latest stamp up to which the writer had all its changes when it made these
  written: string; // ISO time
}

export interface ReadChangeFile {
  device: string;
  /** sha256 hex of the content before the end line: the file's identity; a conflicted copy has the same id. */
  id: string;
  header: ChangeFileHeader;
  changes: ShareChange[];
}

type SkipReason = 'incomplete' | 'empty' | 'foreign' | 'damaged' | 'newerFormat' | 'unreadable';
export type Skipped = { path: string; reason: SkipReason; detail: string };
/** Why a file's bytes are not a change file; the folder layer adds the path. */
export type Refusal = Omit<Skipped, 'path'>;

const DEVICE_ID = /^[0-9a-f]+$/;

/**
 * The name, and on a sync client's copy of the file its decoration before the extension: Dropbox
 * " (conflicted copy 2026-11-30)" (or "(<name>'s conflicted copy …)", in the client's language),
 * Nextcloud " (conflicted copy 2026-11-30 123456)", ownCloud "_conflict-20261130-123456",
 * Syncthing ".sync-conflict-20261130-123456-ABCDEFG", OneDrive "-<computer name>" or " (1)". Any
 * decoration is accepted that starts with a separator: the copy is checked against the hash in the
 * name like the file itself, so no wording needs to be known. A temporary file (ours or a sync
 * client's) starts with something else and is not taken for a change file.
 */
const NAME = /^c-(\d{15}-\d{10})-([0-9a-f]{16})(?:[ ._(-].*)?\.jsonl$/;

/** The exact end line; its length is fixed, so it is found from the end of the file (a snapshot's content ends so too). */
export const END_LINE = /^\{"end":"([0-9a-f]{64})"\}\n$/;
export const END_LINE_BYTES = '{"end":""}\n'.length + 64;

/** Whether a folder name can be a device's: device ids are hex (ids.ts), and become folder names. */
export function isDeviceId(name: string): boolean {
  return DEVICE_ID.test(name);
}

/** Whether a file name is a change file's, its sync client's decoration allowed. */
export function isChangeFileName(name: string): boolean {
  return NAME.test(name);
}

/** The hash a change file's name carries (its identity: a sync client's copy has the same); null for another name. */
export function nameHash(name: string): string | null {
  return NAME.exec(name)?.[2] ?? null;
}

/** The encoded file: its bytes and its name. */
interface EncodedChangeFile {
  name: string;
  bytes: Buffer;
}

/** Encodes changes into a change file; a change or header the format cannot carry is a programming error and throws. */
export function encodeChangeFile(header: Omit<ChangeFileHeader, 'format' | 'count'>, changes: readonly ShareChange[]): EncodedChangeFile {
  // Only the header's own fields, in one order, `knows` by device: the same changes and header give
  // the same bytes, hence the same name, however the caller built its objects.
  const knows = Object.fromEntries(Object.entries(header.knows).sort(([a], [b]) => compare(a, b)));
  const full: ChangeFileHeader = { format: SHARE_FORMAT, device: header.device, number: header.number, schema: header.schema, count: changes.length, knows, written: header.written };
  const problem = (full.number === 0 ? 'the file number 0 is not a number from 1' : headerProblem(full)) ?? changes.map((change, i) => inLine(i, changeProblem(change, full.device))).find((p) => p !== undefined);
  if (problem !== undefined) throw new Error(`Cannot write a change file: ${problem}`);
  const lines = [JSON.stringify({ fieldbook: 'changes', ...full }), ...changes.map((c) => JSON.stringify([c.stamp, c.entity, c.rowId, c.field, c.value, c.schemaVersion]))];
  const content = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const id = sha256(content);
  const bytes = Buffer.concat([content, Buffer.from(`{"end":"${id}"}\n`, 'latin1')]);
  if (bytes.length > MAX_CHANGE_FILE_BYTES) throw new Error(`Cannot write a change file: ${bytes.length} bytes is more than the ${MAX_CHANGE_FILE_BYTES} a reader accepts`);
  return { name: `c-${stampStart(changes[0]!.stamp)}-${id.slice(0, 16)}.jsonl`, bytes };
}

/**
 * Decodes and verifies a change file's bytes, read from the folder of `folderDevice` under `name`:
 * the header, the end line, the hash against the content and the name, the device against the
 * folder, the count and every change. Anything short of all that is refused with the reason.
 */
export function decodeChangeFile(bytes: Buffer, name: string, folderDevice: string): ReadChangeFile | Refusal {
  const named = NAME.exec(name);
  if (!named) return damaged(`${name} is not a change file name`);
  if (bytes.length === 0) return { reason: 'empty', detail: '0 bytes: not downloaded yet (an online-only placeholder?) or not written yet' };
  const incomplete = { reason: 'incomplete', detail: 'it ends before its end line: still being written or downloaded, or cut short' } as const;
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) return incomplete;
  const header = parseLine(bytes.subarray(0, headerEnd));
  if (!isRecord(header) || header.fieldbook !== 'changes') return damaged('its first line is not a change file header');
  // Decided by the first line alone: a later format may change everything after it.
  if (Number.isInteger(header.format) && (header.format as number) > SHARE_FORMAT) {
    return { reason: 'newerFormat', detail: `written in share format ${String(header.format)} by a newer Fieldbook; this version reads format ${SHARE_FORMAT}` };
  }
  if (header.format !== SHARE_FORMAT) return damaged(`its share format ${JSON.stringify(header.format)} is not one Fieldbook writes`);

  const endStart = bytes.length - END_LINE_BYTES;
  const end = endStart > headerEnd && bytes[endStart - 1] === 0x0a ? END_LINE.exec(bytes.toString('latin1', endStart)) : null;
  if (!end) return incomplete;
  const id = sha256(bytes.subarray(0, endStart));
  if (id !== end[1]) return damaged('its content does not match the hash in its end line');
  if (!id.startsWith(named[2]!)) return damaged('its content does not match the hash in its name');

  // Files of Fieldbook before files were numbered carry none: read as number 0, never a gap.
  header.number ??= 0;
  const problem = headerProblem(header);
  if (problem !== undefined) return damaged(problem);
  const checked = header as unknown as ChangeFileHeader;
  if (checked.device !== folderDevice) return { reason: 'foreign', detail: `written by device ${checked.device}, but in the folder of device ${folderDevice}` };

  const body = bytes.subarray(headerEnd + 1, endStart - 1);
  const lines = body.length === 0 ? [] : decodeUtf8(body)?.split('\n');
  if (lines === undefined) return damaged('its changes are not UTF-8 text');
  if (lines.length !== checked.count) return damaged(`its header counts ${checked.count} changes, it holds ${lines.length}`);
  const changes: ShareChange[] = [];
  for (const [i, line] of lines.entries()) {
    const fields = parseJson(line);
    if (!Array.isArray(fields) || fields.length !== 6) return damaged(`line ${i + 2}: not a change`);
    const [stamp, entity, rowId, field, value, schemaVersion] = fields as unknown[];
    const change = { stamp, entity, rowId, field, value, schemaVersion };
    const wrong = inLine(i, changeProblem(change, checked.device));
    if (wrong !== undefined) return damaged(wrong);
    changes.push(change as ShareChange);
  }
  if (stampStart(changes[0]!.stamp) !== named[1]) return damaged(`its name does not start with its first change's stamp ${changes[0]!.stamp}`);
  const { format, device, number, schema, count, knows, written } = checked;
  return { device, id, header: { format, device, number, schema, count, knows, written }, changes };
}

export type Unchecked<T> = { [K in keyof T]: unknown };

/** What is wrong with a header, if anything (its `fieldbook` and `format` aside). */
function headerProblem(header: Partial<Unchecked<Omit<ChangeFileHeader, 'format'>>>): string | undefined {
  if (typeof header.device !== 'string' || !isDeviceId(header.device)) return `the device id ${JSON.stringify(header.device)} is not hex digits`;
  if (!isWholeNumber(header.number)) return `the file number ${JSON.stringify(header.number)} is not a whole number`;
  if (!isWholeNumber(header.schema)) return `the schema version ${JSON.stringify(header.schema)} is not a whole number`;
  if (!isWholeNumber(header.count) || header.count === 0) return `the count ${JSON.stringify(header.count)} is not a number of changes`;
  const knows = knowsProblem(header.knows);
  if (knows !== undefined) return knows;
  if (typeof header.written !== 'string' || Number.isNaN(Date.parse(header.written))) return `the time written ${JSON.stringify(header.written)} is not a time`;
  return undefined;
}

/** What is wrong with a vector of stamps by device (a change file's `knows`, a snapshot's `covers`), if anything. */
export function knowsProblem(knows: unknown, what = 'what it knows'): string | undefined {
  if (!isRecord(knows)) return `${what} of other devices is not an object`;
  for (const [device, stamp] of Object.entries(knows)) {
    if (!isDeviceId(device) || stampDevice(stamp) !== device) return `${what} of device ${JSON.stringify(device)} is not a stamp of that device`;
  }
  return undefined;
}

/** What is wrong with a change of a file of `device` (any device's: undefined), if anything. */
export function changeProblem(change: Unchecked<ShareChange>, device: string | undefined): string | undefined {
  const writer = stampDevice(change.stamp);
  if (writer === undefined) return `the stamp ${JSON.stringify(change.stamp)} is not a stamp`;
  if (device !== undefined && writer !== device) return `the stamp ${JSON.stringify(change.stamp)} is not a stamp of device ${device}`;
  for (const key of ['entity', 'rowId', 'field'] as const) {
    if (typeof change[key] !== 'string' || change[key] === '') return `the ${key} ${JSON.stringify(change[key])} is not a name`;
  }
  const { value } = change;
  // JSON has no NaN or Infinity: JSON.stringify would write null, another value than the one typed.
  const isValue = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!isValue) return `the value ${typeof value === 'number' ? String(value) : JSON.stringify(value)} is not text, a finite number, true, false or null`;
  if (!isWholeNumber(change.schemaVersion)) return `the schema version ${JSON.stringify(change.schemaVersion)} is not a whole number`;
  return undefined;
}

/** The device of a stamp, or undefined if it is not a stamp. */
export function stampDevice(stamp: unknown): string | undefined {
  if (typeof stamp !== 'string') return undefined;
  try {
    return parseStamp(stamp).deviceId;
  } catch {
    return undefined;
  }
}

/** A stamp's time and counter, "<15 digits>-<10 digits>", as the name carries them. */
export function stampStart(stamp: string): string {
  return stamp.slice(0, 26);
}

/** A change's problem, if any, said with its line in the file (line 1 is the header). */
export function inLine(index: number, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `line ${index + 2}: ${problem}`;
}

export function damaged(detail: string): Refusal {
  return { reason: 'damaged', detail };
}

function parseLine(bytes: Buffer): unknown {
  const text = decodeUtf8(bytes);
  return text === undefined ? undefined : parseJson(text);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The text, or undefined where the bytes are not UTF-8 (Buffer.toString would put U+FFFD in silently). */
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWholeNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
