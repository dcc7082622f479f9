import { readFileSync } from 'node:fs';

/** The version in package.json, for hosts that run from the source tree (CLI, web host). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
