// A results file read from disk as a stream: never whole in memory, its rows reported as they
// come (the total estimated from the bytes read so far, exact at the end), stopped when cancelled.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/errors.ts';
import { UnusableFileError } from '../../../shared/test-results/jtl-csv.ts';
import { BrokenXmlError } from '../../../shared/test-results/results-xml.ts';
import { ResultsReader } from '../../../shared/test-results/results-reader.ts';
import type { ParsedResults } from '../../../shared/test-results/types.ts';
import { MAX_RESULTS_FILE_BYTES, megabytes } from '../../../shared/limits.ts';
import type { TaskControl } from '../task-control.ts';

const CHUNK_BYTES = 1 << 20;

export async function readResultsFile(path: string, field: string, control: TaskControl): Promise<ParsedResults> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) throw new ApiError({ code: 'invalid_input', field, message: `${field}: no file at ${path}` });
  if (size > MAX_RESULTS_FILE_BYTES) throw new ApiError({ code: 'invalid_input', field, message: `${field}: the file is larger than ${megabytes(MAX_RESULTS_FILE_BYTES)}` });
  const reader = new ResultsReader();
  const decoder = new TextDecoder('utf-8');
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, signal: control.signal });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      control.throwIfCancelled();
      bytes += chunk.length;
      reader.push(decoder.decode(chunk, { stream: true }));
      const rows = reader.rows;
      control.progress({ stage: 'rows', done: rows, total: bytes === 0 ? rows : Math.round((rows * size) / bytes) });
    }
    reader.push(decoder.decode());
    const result = reader.result();
    control.progress({ stage: 'rows', done: reader.rows, total: reader.rows });
    return result;
  } catch (error) {
    control.throwIfCancelled();
    if (error instanceof UnusableFileError || error instanceof BrokenXmlError) {
      throw new ApiError({ code: 'invalid_input', field, message: `${field}: ${error.message}` });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}
