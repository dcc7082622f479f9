// A web host on a data folder, started exactly as a user would (`node electron/host/web.ts
// --data-dir DIR`), its URL read from the first line it prints. For end-to-end tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WebHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export function startWebHost(dataDir: string): Promise<WebHost> {
  const child = spawn(process.execPath, ['electron/host/web.ts', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ url: line.trim(), dataDir, process: child }));
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
}

export function stopWebHost(host: WebHost): Promise<void> {
  return new Promise((resolve) => {
    if (host.process.exitCode !== null) return resolve();
    host.process.once('exit', () => resolve());
    host.process.kill('SIGTERM');
  });
}
