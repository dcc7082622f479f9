// A training's material files and feedback scores: which files are taken (the bytes must be what
// the type says, as for test evidence: a renamed file is refused here rather than failing whoever
// opens it) and what the feedback adds up to.
import { MATERIAL_TYPES, MAX_MATERIAL_BYTES, megabytes } from '../limits.ts';

type MaterialType = (typeof MATERIAL_TYPES)[number];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIGNATURES: Partial<Record<MaterialType, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  // Office and OpenDocument files are ZIP archives.
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.oasis.opendocument.presentation': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

function isMaterialType(value: string): value is MaterialType {
  return (MATERIAL_TYPES as readonly string[]).includes(value);
}

/** Why a file cannot be training material (the input field it is about and the reason), or null when it can. */
export function materialProblem(mediaType: string, bytes: Uint8Array): { field: 'mediaType' | 'base64'; message: string } | null {
  if (!isMaterialType(mediaType)) return { field: 'mediaType', message: `${mediaType || '(none)'} is not a kind of training material taken; allowed: PDF, PowerPoint, Word, OpenDocument, PNG, JPEG, text` };
  if (bytes.length === 0) return { field: 'base64', message: 'the file is empty' };
  if (bytes.length > MAX_MATERIAL_BYTES) return { field: 'base64', message: `the file has ${bytes.length} bytes; training material may have up to ${megabytes(MAX_MATERIAL_BYTES)}` };
  const signature = SIGNATURES[mediaType];
  if (signature && !signature.every((b, i) => bytes[i] === b)) return { field: 'base64', message: `the file is not ${mediaType}: its first bytes are not those of that format` };
  return null;
}

/** Scores of 1 to 5: how many were given and their average (null while there is none), to one decimal. */
export function scoreSummary(scores: readonly (number | null)[]): { count: number; average: number | null } {
  const given = scores.filter((s): s is number => s !== null);
  if (given.length === 0) return { count: 0, average: null };
  return { count: given.length, average: Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10 };
}
