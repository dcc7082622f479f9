// The release build's Electron fuses: every fuse the installed Electron knows (the fuse wire of
// @electron/fuses, the module electron-builder flips them with) is set in electron-builder.yml,
// each to the value Electron's security guide recommends for an app like this one. A fuse left
// unset keeps Electron's default, which for runAsNode and the inspector is "on".
import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url));

/** electron-builder's option name for a fuse: the enum's name with a lower-case first letter. */
const optionName = (fuse: string) => fuse[0]!.toLowerCase() + fuse.slice(1);

/** What each fuse must be in a release, and why. */
const RECOMMENDED: Record<string, boolean> = {
  // ELECTRON_RUN_AS_NODE turns the app into a plain Node for any process that can start it.
  runAsNode: false,
  // Chromium's cookie store encrypted with the operating system's keys.
  enableCookieEncryption: true,
  // NODE_OPTIONS could load code into the app.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 would open a debugger any local process can use to run code in the app.
  enableNodeCliInspectArguments: false,
  // app.asar checked against the hash embedded in the signed binary.
  enableEmbeddedAsarIntegrityValidation: true,
  // Only the (checked) app.asar is loaded, never a loose app/ folder placed beside it.
  onlyLoadAppFromAsar: true,
  // Only for apps shipping a V8 snapshot of their own.
  loadBrowserProcessSpecificV8Snapshot: false,
  // The UI comes from app://; file:// pages get no more than a browser gives them.
  grantFileProtocolExtraPrivileges: false,
};

function configuredFuses(): Record<string, unknown> {
  const config = parse(readFileSync(CONFIG, 'utf8')) as { electronFuses?: Record<string, unknown> };
  return config.electronFuses ?? {};
}

describe('Electron fuses of the release build', () => {
  const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))).map(optionName);

  it('knows a recommendation for every fuse of the installed Electron', () => {
    expect(known.sort()).toEqual(Object.keys(RECOMMENDED).sort());
  });

  it('sets every fuse to its recommended value', () => {
    const configured = configuredFuses();
    for (const fuse of known) expect({ fuse, value: configured[fuse] }).toEqual({ fuse, value: RECOMMENDED[fuse] });
  });
});
