import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron uses as `userData` for an app named Fieldbook, computed without Electron
 * so that the web host and the CLI find the same data as the desktop app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Fieldbook');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Fieldbook');
}
