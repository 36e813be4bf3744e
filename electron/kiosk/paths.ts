import { join } from 'node:path';

/** Where the kiosk keeps its database, key and logs when `KIOSK_DATA_DIR` is not set. */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'police-kiosk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'police-kiosk');
  return join(env['XDG_DATA_HOME'] ?? join(home, '.local', 'share'), 'police-kiosk');
}

export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>>,
  fallback: string,
): string {
  const fromEnv = env['KIOSK_DATA_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : fallback;
}

/** The rules folder (`common.json`, `services/`): `KIOSK_RULES_DIR`, else the one shipped with the app. */
export function resolveRulesDir(
  env: Readonly<Record<string, string | undefined>>,
  appRoot: string,
): string {
  const fromEnv = env['KIOSK_RULES_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(appRoot, 'rules');
}
