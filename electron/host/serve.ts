// Starts the web host on a data folder and keeps it running until the process is told to stop.
// Used by `npm run web` and by `npm start` where Electron cannot run.
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../core/package-version.ts';
import { startCore } from '../core/worker/client.ts';
import { startHttpHost } from './http-host.ts';

const STATIC_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function serveWeb(options: { dataDir: string; port: number }): Promise<string> {
  const core = await startCore({ dataDir: options.dataDir, appVersion: packageVersion() });
  const host = await startHttpHost({ core, staticDir: STATIC_DIR, port: options.port });
  const stop = (): void => {
    // The saves already received are answered and written before the process ends.
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return host.url;
}
