// `npm run web -- [--data-dir DIR] [--port N]`: the app in a browser. Prints one line, the full
// URL with its token, on stdout.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir.ts';
import { serveWeb } from './serve.ts';

function fail(message: string): never {
  process.stderr.write(`fieldbook web: ${message}\n`);
  process.exit(1);
}

let values: { 'data-dir'?: string; port?: string };
try {
  ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true }));
} catch (error) {
  fail((error as Error).message);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port: expected a port number, got ${values.port}`);

try {
  process.stdout.write(`${await serveWeb({ dataDir: values['data-dir'] ?? defaultDataDir(), port })}\n`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
