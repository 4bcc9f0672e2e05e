import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's data folder, the same one Electron uses as `userData` (appData/Wijkweb). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.WIJKWEB_DATA_DIR) return env.WIJKWEB_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Wijkweb');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Wijkweb');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Wijkweb');
}

export function backupRootIn(dataDir: string): string {
  return join(dataDir, 'backups');
}
