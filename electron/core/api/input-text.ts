// A request that arrives as text (the web host's body, the command line's argument or stdin)
// turned into the API's input the same way on every such host: the bytes as UTF-8 with nothing
// replaced, nesting checked before JSON.parse builds anything, and refusals of what JSON lets
// through in silence (a key given twice, an unpaired surrogate) naming the field like any other.
// Input that is a value already (Electron's IPC, a direct call) gets the same checks in dispatch.
import { ApiError } from '../../../shared/errors.ts';
import { checkJsonText } from '../../../shared/json-check.ts';
import { MAX_CSV_CHARS, MAX_REQUEST_BYTES, megabytes } from '../../../shared/limits.ts';
import { jsonProblemError } from './input-errors.ts';

/** How a host names the request as a whole in its refusals. */
export interface RequestSource {
  /** The error's field: '(body)', '(input)'. */
  field: string;
  /** The start of a sentence: "The request body". */
  name: string;
}

/** The refusal of a request larger than any input needs. */
export function requestTooLarge(source: RequestSource): ApiError {
  return new ApiError({
    code: 'invalid_input',
    field: source.field,
    message: `${source.name} is larger than ${megabytes(MAX_REQUEST_BYTES)}, the most any request needs (a CSV file of ${megabytes(MAX_CSV_CHARS)}, the largest input, however JSON writes it)`,
  });
}

// fatal: a byte sequence that is not UTF-8 is refused, not turned into U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request's bytes (read up to MAX_REQUEST_BYTES by its host) as text: UTF-8, or refused. */
export function textOfBytes(bytes: Uint8Array, source: RequestSource): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError({
      code: 'invalid_input',
      field: source.field,
      message: `${source.name} is not valid UTF-8: reading it would replace bytes with U+FFFD and change the text`,
    });
  }
}

/** A request's JSON text as the API's input, or an invalid_input error. */
export function inputOfText(text: string, source: RequestSource): unknown {
  const problems = checkJsonText(text);
  // Nesting too deep is refused before JSON.parse, which would build all of it first.
  const tooDeep = problems.find((p) => p.fatal);
  if (tooDeep) throw jsonProblemError(tooDeep);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ApiError({ code: 'invalid_input', field: source.field, message: `${source.name} is not valid JSON: ${(error as Error).message}` });
  }
  if (problems[0]) throw jsonProblemError(problems[0]);
  return input;
}
