// Evidence attached to a test result: which files are taken, how large, and whether the bytes are
// what the type says. A screenshot named image/png must start as a PNG does: the document embeds
// it, and a renderer fed anything else fails at export time rather than here.
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, megabytes } from '../limits.ts';

export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export function isEvidenceType(value: string): value is EvidenceType {
  return (EVIDENCE_TYPES as readonly string[]).includes(value);
}

const SIGNATURES: Partial<Record<EvidenceType, readonly number[]>> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};

/** Why a file cannot be evidence (the field it is about and the reason), or null when it can. */
export function evidenceProblem(mediaType: string, bytes: Uint8Array): { field: 'mediaType' | 'base64'; message: string } | null {
  if (!isEvidenceType(mediaType)) return { field: 'mediaType', message: `${mediaType || '(none)'} is not a kind of evidence taken; allowed: ${EVIDENCE_TYPES.join(', ')}` };
  if (bytes.length === 0) return { field: 'base64', message: 'the file is empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { field: 'base64', message: `the file has ${bytes.length} bytes; evidence may have up to ${megabytes(MAX_EVIDENCE_BYTES)}` };
  const signature = SIGNATURES[mediaType];
  if (signature && !signature.every((b, i) => bytes[i] === b)) return { field: 'base64', message: `the file is not ${mediaType}: its first bytes are not those of that format` };
  return null;
}
