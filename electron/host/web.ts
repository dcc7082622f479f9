// `npm run web -- [--data-dir DIR] [--port N]`: the app in a browser. Prints one line, the full
// URL with its token, on stdout.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore, packageVersion } from '../core/core.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { startHttpHost } from './http-host.ts';

const STATIC_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`fieldbook web: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
  strict: true,
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port: expected a port number, got ${values.port}`);

let core;
try {
  core = openCore({ dataDir: values['data-dir'] ?? defaultDataDir(), appVersion: packageVersion() });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const host = await startHttpHost({ core, staticDir: STATIC_DIR, port });
process.stdout.write(`${host.url}\n`);

const stop = (): void => {
  void host.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
