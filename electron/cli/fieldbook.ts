#!/usr/bin/env node
// The `fieldbook` command line: the same API table as the app, for scripts and for checking
// data without the UI.
//   fieldbook [--data-dir DIR] methods
//   fieldbook [--data-dir DIR] call METHOD ['JSON input' | -]   (- reads the JSON from stdin)
//   fieldbook [--data-dir DIR] export --project ID --document minutes [--meeting ID] [--sow ID]
//             [--change ID] [--run ID] [--from DATE --to DATE] --format docx|pdf --lang en|de --out FILE [--publish]
//   fieldbook [--data-dir DIR] sync --share PATH [--snapshot]
// Results go to stdout as JSON; errors go to stderr as {"error": {code, message, field?}} with
// a non-zero exit code, and nothing is written.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { api, METHOD_NAMES } from '../../shared/api.ts';
import { ApiError, type ApiErrorBody } from '../../shared/errors.ts';
import { MAX_REQUEST_BYTES } from '../../shared/limits.ts';
import { inputOfText, requestTooLarge, textOfBytes, type RequestSource } from '../core/api/input-text.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { packageVersion } from '../core/package-version.ts';
import { startCore } from '../core/worker/client.ts';
import { DOCUMENT_FORMATS, type ExportResult } from '../../shared/documents/types.ts';

const USAGE = `Usage:
  fieldbook [--data-dir DIR] methods                  list API methods with their input JSON schemas
  fieldbook [--data-dir DIR] call METHOD ['JSON']     call one method; prints its JSON result
  fieldbook [--data-dir DIR] call METHOD -            the same, the JSON read from stdin (large inputs):
      jq -Rs '{json: .}' my-pack.json | fieldbook call packs.import -
  fieldbook [--data-dir DIR] export --project ID --document minutes --meeting ID
            --format docx|pdf --lang en|de --out FILE [--publish]
                                                      make a document and write it to FILE; with
                                                      --publish also into the shared folder set
                                                      (exit code 3: made, but not published)
            --document minutes|checklist|concept|status|sow|change-request|time-report|test-protocol|handover|training|lessons|systems;
            minutes and a training record name --meeting ID, an SOW version --sow ID, a change request --change ID,
            a test protocol its test run --run ID;
            a time report (and the status report) its period --from DATE --to DATE (YYYY-MM-DD);
            --include-credentials puts the test accounts' secrets into a document that lists them
            (left out unless given; the credentials key is the data folder's credentials.key)
  fieldbook [--data-dir DIR] sync --share PATH [--snapshot]
                                                      sync once with the shared folder PATH; prints a summary;
                                                      --snapshot also publishes a snapshot now (not only when due)

The data folder defaults to the desktop app's: ${defaultDataDir()}
`;

const EXIT_ERROR = 1;
const EXIT_USAGE = 2;
/** The document is made and saved, but publishing it into the shared folder failed. */
const EXIT_NOT_PUBLISHED = 3;

// A reader that stops early (`fieldbook methods | head -1`) closes the pipe. It has what it wanted,
// so the command ends quietly and successfully (a pipeline under `set -o pipefail` must not fail
// for it) instead of with a stack trace on stderr. Any other output failure stays loud.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

function printError(error: ApiErrorBody, exitCode: number): never {
  process.stderr.write(`${JSON.stringify({ error }, null, 2)}\n`);
  process.exit(exitCode);
}

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

function describeMethods(): unknown[] {
  return METHOD_NAMES.map((name) => ({
    name,
    kind: api[name].kind,
    summary: api[name].summary,
    input: z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}

const ARGUMENT: RequestSource = { field: '(input)', name: 'The input' };
const STDIN: RequestSource = { field: '(input)', name: 'The input on stdin' };

/** stdin's bytes, refused as soon as they pass the limit every host shares (not read to the end). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw requestTooLarge(STDIN);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The call's input, from the argument or (`-`) from stdin, read as the web host reads a request body. */
async function readInput(argument: string | undefined): Promise<unknown> {
  try {
    if (argument === undefined) return {};
    if (argument !== '-') return inputOfText(argument, ARGUMENT);
    return inputOfText(textOfBytes(await readStdin(), STDIN), STDIN);
  } catch (error) {
    printError(error instanceof ApiError ? error.toJSON() : { code: 'internal', message: String(error) }, EXIT_ERROR);
  }
}

/**
 * Runs one call on the core's thread. Ctrl+C (or a SIGTERM) cancels long work instead of killing
 * it halfway: an export records no version and saves no file, an import writes none of its rows.
 */
async function callCore(dataDir: string, method: string, input: unknown): Promise<unknown> {
  const core = await startCore({ dataDir, appVersion: packageVersion() });
  const interrupt = new AbortController();
  const cancel = (): void => interrupt.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  try {
    return await core.call(method, input, { signal: interrupt.signal });
  } finally {
    await core.close();
    process.removeListener('SIGINT', cancel);
    process.removeListener('SIGTERM', cancel);
  }
}

/** The API's field names as the export command's options. */
const OPTION_OF: Record<string, string> = { projectId: '--project', document: '--document', meetingId: '--meeting', sowId: '--sow', changeRequestId: '--change', runId: '--run', period: '--from', 'period.from': '--from', 'period.to': '--to', formats: '--format', 'formats.0': '--format', language: '--lang', 'saveAs.pdf': '--out', 'saveAs.docx': '--out', share: '--share', includeCredentials: '--include-credentials' };
function asOptions(error: ApiErrorBody): ApiErrorBody {
  const option = error.field ? OPTION_OF[error.field] : undefined;
  return option ? { ...error, field: option, message: error.message.replace(`${error.field}:`, `${option}:`) } : error;
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      project: { type: 'string' },
      document: { type: 'string' },
      meeting: { type: 'string' },
      sow: { type: 'string' },
      change: { type: 'string' },
      run: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      share: { type: 'string' },
      publish: { type: 'boolean' },
      'include-credentials': { type: 'boolean' },
      snapshot: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
const [command, ...rest] = positionals;

if (values.help || command === undefined) {
  process.stdout.write(USAGE);
  process.exit(values.help ? 0 : EXIT_USAGE);
}

if (command === 'methods') {
  if (rest.length > 0) usage('methods takes no arguments');
  process.stdout.write(`${JSON.stringify(describeMethods(), null, 2)}\n`);
} else if (command === 'call') {
  const [method, inputText, ...extra] = rest;
  if (method === undefined) usage('call needs a METHOD');
  if (extra.length > 0) usage('call takes METHOD and one JSON argument (quote it)');
  const input = await readInput(inputText);
  try {
    const result = await callCore(values['data-dir'] ?? defaultDataDir(), method, input);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    printError(error instanceof ApiError ? error.toJSON() : { code: 'internal', message: String(error) }, EXIT_ERROR);
  }
} else if (command === 'export') {
  if (rest.length > 0) usage('export takes only options');
  if (!values.out) usage('export needs --out FILE');
  // The options become the API's input: its validation names what is wrong (as --option). The
  // core saves the file itself, in the step that records the version: a version is recorded only
  // with its file, and a file that cannot be saved records none.
  const out = resolve(values.out);
  // An unknown format is refused as --format alone, with no word on where it would be saved.
  const format = DOCUMENT_FORMATS.find((f) => f === values.format);
  const input = {
    projectId: values.project,
    document: values.document,
    ...(values.meeting === undefined ? {} : { meetingId: values.meeting }),
    ...(values.sow === undefined ? {} : { sowId: values.sow }),
    ...(values.change === undefined ? {} : { changeRequestId: values.change }),
    ...(values.run === undefined ? {} : { runId: values.run }),
    ...(values.from === undefined && values.to === undefined ? {} : { period: { from: values.from, to: values.to } }),
    formats: values.format === undefined ? undefined : [values.format],
    language: values.lang,
    ...(format === undefined ? {} : { saveAs: { [format]: out } }),
    ...(values.publish ? { publish: true } : {}),
    ...(values['include-credentials'] ? { includeCredentials: true } : {}),
  };
  try {
    const result = (await callCore(values['data-dir'] ?? defaultDataDir(), 'documents.export', input)) as ExportResult;
    const { id, version, published, publishError } = result;
    process.stdout.write(`${JSON.stringify({ file: out, version, sha256: result.files[0]!.sha256, id, ...(published ? { published } : {}) }, null, 2)}\n`);
    // Made and saved, but not where the user asked it to go too: said as an error, after the result.
    if (publishError) printError(publishError, EXIT_NOT_PUBLISHED);
  } catch (error) {
    printError(error instanceof ApiError ? asOptions(error.toJSON()) : { code: 'internal', message: String(error) }, EXIT_ERROR);
  }
} else if (command === 'sync') {
  if (rest.length > 0) usage('sync takes only options');
  if (!values.share) usage('sync needs --share PATH');
  try {
    const result = await callCore(values['data-dir'] ?? defaultDataDir(), 'sync.run', { share: resolve(values.share), ...(values.snapshot ? { snapshot: true } : {}) });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    printError(error instanceof ApiError ? asOptions(error.toJSON()) : { code: 'internal', message: String(error) }, EXIT_ERROR);
  }
} else {
  usage(`Unknown command ${JSON.stringify(command)}`);
}
