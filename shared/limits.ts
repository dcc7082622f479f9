// The limits on what a caller may send, declared once: the API's schemas, the web host and the
// command line take them from here, so every host accepts the same inputs and refuses the same
// ones with the same words.

/**
 * How deeply arrays and objects may nest, in a method's input and in a pack file. The deepest
 * input any method takes is about five levels (a sizing's account types, a table answer's cells)
 * and the bundled pack ten; anything near the limit is a mistake or an attack, and refusing it
 * before the input is checked, cloned or walked keeps those steps from running out of stack.
 */
export const MAX_NESTING = 64;

/** The largest CSV file an import reads, in characters (for the files Excel writes, about as many bytes). */
export const MAX_CSV_CHARS = 20_000_000;

/** The largest template pack file, in characters. */
export const MAX_PACK_CHARS = 5_000_000;

/**
 * The largest request a host reads whole: the web host's request body, the command line's stdin.
 * The real limits are the fields' (above), checked alike on every host; this one only has to let
 * every input within them through, however JSON writes it: a character of a CSV file takes up to
 * six bytes as a JSON string (a control character becomes `\u0001`), plus room for the rest.
 */
export const MAX_REQUEST_BYTES = 6 * MAX_CSV_CHARS + 1_000_000;

/** The largest evidence file of a test result (a screenshot, a log), in bytes: kept in the database and synced. */
export const MAX_EVIDENCE_BYTES = 5_000_000;

/**
 * The kinds of evidence a test result takes, by media type: screenshots, and the files testers
 * attach beside them (a PDF, a log, an exported table). Images show as thumbnails.
 */
export const EVIDENCE_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'text/csv'] as const;

/** A limit in bytes or characters as people read it: 20 MB, 121 MB. */
export function megabytes(limit: number): string {
  return `${Math.round(limit / 1_000_000)} MB`;
}

/** The largest results file (JMeter, JUnit) an import reads: a million JMeter samples are about 150 MB. */
export const MAX_RESULTS_FILE_BYTES = 2_000_000_000;

/** One piece of a results file uploaded from the window, before base64 (which makes 4 characters of 3 bytes). */
export const MAX_UPLOAD_CHUNK_BYTES = 8_000_000;

/** The largest training material file (slides, a handout), in bytes: kept in the database and synced like evidence. */
export const MAX_MATERIAL_BYTES = 10_000_000;

/**
 * The kinds of training material a file may be, by media type: slides and handouts as PDF, Office
 * or OpenDocument files, screenshots, plain text.
 */
export const MATERIAL_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'text/plain',
] as const;
