/** Where a packaged kiosk looks for its config when `KIOSK_CONFIG` is not set (the deb creates the folder). */
export const PACKAGED_CONFIG_PATH = '/etc/police-kiosk/kiosk.json';
/** Where the deb puts the example a technician copies. */
export const PACKAGED_EXAMPLE_PATH = '/usr/share/police-kiosk/kiosk.example.json';

export type ConfigSource =
  | { readonly kind: 'file'; readonly path: string }
  /** The embedded demo config: every device simulated, the demo PINs, the dock on screen. */
  | { readonly kind: 'demo' }
  | { readonly kind: 'missing'; readonly message: string };

/**
 * Which config a kiosk process runs on. A checkout runs the demo when no
 * config is named; a packaged kiosk never does so silently — without a
 * config it is out of service and says what to do, unless started with
 * `--demo` on purpose (then the demo dock says so on screen).
 */
export function configSource(options: {
  readonly packaged: boolean;
  readonly demo: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly exists: (path: string) => boolean;
}): ConfigSource {
  const named = options.env['KIOSK_CONFIG'];
  if (named !== undefined && named !== '') return { kind: 'file', path: named };
  if (!options.packaged || options.demo) return { kind: 'demo' };
  if (options.exists(PACKAGED_CONFIG_PATH)) return { kind: 'file', path: PACKAGED_CONFIG_PATH };
  return {
    kind: 'missing',
    message: [
      `No kiosk config (终端配置文件缺失): KIOSK_CONFIG is not set and ${PACKAGED_CONFIG_PATH} does not exist.`,
      `Technician: copy ${PACKAGED_EXAMPLE_PATH} to ${PACKAGED_CONFIG_PATH}, fill in the station, devices,`,
      'back office and staff PIN hashes (police-kiosk hash-pin), check it with `police-kiosk readiness`,',
      'then `systemctl restart police-kiosk`. To show the demo instead, start the kiosk with --demo.',
    ].join('\n'),
  };
}
