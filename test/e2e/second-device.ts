// A second installation for the sync tests, driven through the command line as a colleague's
// laptop would be: its own data folder, the same shared folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SecondDevice {
  dataDir: string;
  call: (method: string, input: object) => unknown;
  sync: (share: string) => unknown;
  remove: () => void;
}

export function secondDevice(): SecondDevice {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-second-'));
  const run = (args: string[], input?: string) =>
    JSON.parse(execFileSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 })) as unknown;
  return {
    dataDir,
    // The input on stdin: a large one (a CSV file) would not fit the command line.
    call: (method, input) => run(['call', method, '-'], JSON.stringify(input)),
    sync: (share) => run(['sync', '--share', share]),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A shared folder both devices see. */
export function sharedFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-share-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
