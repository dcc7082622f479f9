// How far long work has come, as every host passes it on to whoever watches: the command line,
// the web host's streamed answer and the desktop window's progress channel.

/**
 * An export reads the project's data, renders each format, then records its version with the
 * files' hashes (saving them where asked); an import reads its rows, then writes them; a sync
 * sends this device's changes, then receives the others'.
 */
export type Progress =
  | { stage: 'read' | 'pdf' | 'docx' | 'record' }
  | { stage: 'rows' | 'write' | 'send' | 'receive'; done: number; total: number };

/** The media type of a streamed answer: one JSON line per progress report, then the answer's. */
export const PROGRESS_STREAM_TYPE = 'application/x-ndjson';

/** One line of a streamed answer. */
export type StreamLine = { progress: Progress } | { result: unknown } | { error: unknown };
