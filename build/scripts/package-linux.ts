import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { changelogGz, copyrightText, foreignPrebuilds, unusedTools } from './deb-notices';
import { zipStandInElectron } from './standin-electron';

/**
 * The Debian packages of the kiosk, for amd64 and arm64: electron-builder
 * lays out the app (`--dir`: Electron, app.asar, the rule files), and this
 * script puts it in a .deb with the kiosk session around it — the systemd
 * unit running cage on tty1, the watchdog, the udev rules, the launcher with
 * the technician commands, and maintainer scripts that create the kiosk user
 * and its folders. dpkg-deb builds it; nothing is downloaded.
 *
 * Without a real Electron distribution (none can be downloaded here) it uses
 * a clearly named stand-in binary: the package's layout and scripts are
 * what such a build proves, not Electron.
 */

export const ROOT = join(__dirname, '..', '..');
export const RELEASE = join(ROOT, 'release');
const LINUX = join(ROOT, 'build', 'linux');

export const ARCHES = [
  { deb: 'amd64', electron: 'x64', unpacked: 'linux-unpacked' },
  { deb: 'arm64', electron: 'arm64', unpacked: 'linux-arm64-unpacked' },
] as const;
export type DebArch = (typeof ARCHES)[number]['deb'];

/**
 * What the kiosk needs from the system: Electron's libraries, the OS keyring
 * (safeStorage falls back to an unprotected key without libsecret), cage for
 * the kiosk session, and the tools the maintainer scripts use.
 */
export const DEPENDS = [
  'libc6',
  'cage',
  'libsecret-1-0',
  'libgtk-3-0 | libgtk-3-0t64',
  'libnss3',
  'libxss1',
  'libxtst6',
  'libatspi2.0-0 | libatspi2.0-0t64',
  'libdrm2',
  'libgbm1',
  'libasound2 | libasound2t64',
  'libudev1',
  'libnotify4',
  'xdg-utils',
  'passwd',
  'systemd',
  'udev',
];
/**
 * The fonts (incl. the serif faces that draw 生僻字), offline handwriting, and the system
 * voice (speech-dispatcher with espeak-ng) the audio-only mode reads free text with; the
 * kiosk runs without them, less well.
 */
export const RECOMMENDS = [
  'fonts-noto-cjk',
  'zinnia-utils',
  'tegaki-zinnia-simplified-chinese',
  'speech-dispatcher',
  'speech-dispatcher-espeak-ng',
];

interface Pkg {
  readonly version: string;
  readonly description: string;
  readonly devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Pkg;
const electronVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

const zipName = (arch: string): string => `electron-v${electronVersion}-linux-${arch}.zip`;

/** A folder holding Electron's release zips for both architectures, or null when there is none. */
function realElectronDist(): string | null {
  const candidates = [
    process.env['ELECTRON_DIST'],
    process.env['ELECTRON_CACHE'],
    join(homedir(), '.cache', 'electron'),
  ].filter((d): d is string => d !== undefined && d !== '');
  return (
    candidates.find((dir) => ARCHES.every((a) => existsSync(join(dir, zipName(a.electron))))) ??
    null
  );
}

export interface BuiltPackages {
  readonly standIn: boolean;
  readonly debs: readonly { readonly arch: DebArch; readonly path: string }[];
}

const run = (command: string, args: readonly string[]): void => {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
};

/** electron-builder's config for the app folder: the project's, with the Electron it is given. */
function builderConfig(electronDist: string, standIn: boolean): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const config = {
    ...base,
    directories: { ...(base['directories'] as object), output: join(RELEASE, 'app') },
    electronDist,
    // Fuses are flipped inside the real Electron binary; a stand-in script has none to flip.
    ...(standIn ? { electronFuses: undefined } : {}),
  };
  const path = join(RELEASE, 'electron-builder.linux.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

const install = (from: string, to: string, mode: number): void => {
  mkdirSync(join(to, '..'), { recursive: true });
  copyFileSync(from, to);
  chmodSync(to, mode);
};

function duKb(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split(/\s/)[0]);
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Only what this system loads stays beside app.asar: see deb-notices.ts. */
function pruneUnpacked(unpacked: string, nodeArch: 'x64' | 'arm64'): void {
  const files = filesUnder(unpacked);
  const head = (file: string): string => {
    const bytes = readFileSync(join(unpacked, file));
    return bytes.subarray(0, 64).toString('latin1');
  };
  for (const file of [...foreignPrebuilds(files, nodeArch), ...unusedTools(files, head)])
    rmSync(join(unpacked, file), { force: true });
  removeEmptyDirs(unpacked);
}

/** Folders the pruning emptied (prebuilds/win32-x64 …) go too. */
function removeEmptyDirs(dir: string): boolean {
  const entries = readdirSync(dir, { withFileTypes: true });
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && removeEmptyDirs(join(dir, entry.name))) continue;
    empty = false;
  }
  if (empty) rmSync(dir, { recursive: true, force: true });
  return empty;
}

/** The package's tree in `staging`, then `dpkg-deb --build`. */
function assembleDeb(arch: (typeof ARCHES)[number], appDir: string, standIn: boolean): string {
  const staging = join(RELEASE, `deb-${arch.deb}`);
  rmSync(staging, { recursive: true, force: true });
  const opt = join(staging, 'opt', 'police-kiosk');
  cpSync(appDir, opt, { recursive: true, verbatimSymlinks: true });
  pruneUnpacked(join(opt, 'resources', 'app.asar.unpacked'), arch.electron);
  // The SUID sandbox helper Chromium falls back to where user namespaces are off.
  if (existsSync(join(opt, 'chrome-sandbox'))) chmodSync(join(opt, 'chrome-sandbox'), 0o4755);
  install(join(LINUX, 'watchdog.sh'), join(opt, 'linux', 'watchdog.sh'), 0o755);
  install(join(LINUX, 'police-kiosk'), join(staging, 'usr', 'bin', 'police-kiosk'), 0o755);
  for (const unit of [
    'police-kiosk.service',
    'police-kiosk-watchdog.service',
    'police-kiosk-watchdog.timer',
  ])
    install(join(LINUX, unit), join(staging, 'lib', 'systemd', 'system', unit), 0o644);
  install(
    join(LINUX, '99-police-kiosk.rules'),
    join(staging, 'lib', 'udev', 'rules.d', '99-police-kiosk.rules'),
    0o644,
  );
  const share = join(staging, 'usr', 'share');
  install(
    join(ROOT, 'build', 'kiosk.example.json'),
    join(share, 'police-kiosk', 'kiosk.example.json'),
    0o644,
  );
  install(join(ROOT, 'README.md'), join(share, 'doc', 'police-kiosk', 'README.md'), 0o644);
  const doc = join(share, 'doc', 'police-kiosk');
  writeFileSync(join(doc, 'copyright'), copyrightText(ROOT, pkg.version, electronVersion), {
    mode: 0o644,
  });
  writeFileSync(join(doc, 'changelog.gz'), changelogGz(ROOT, pkg.version), { mode: 0o644 });
  if (standIn) {
    mkdirSync(join(share, 'doc', 'police-kiosk'), { recursive: true });
    writeFileSync(
      join(share, 'doc', 'police-kiosk', 'STAND-IN-ELECTRON.txt'),
      'This package was built with a stand-in for the Electron binary (none could be downloaded\n' +
        'on the build machine). Its layout, kiosk session and scripts are real; the app cannot\n' +
        'start. Build with the real Electron (ELECTRON_DIST) for a hall.\n',
    );
  }

  const debian = join(staging, 'DEBIAN');
  mkdirSync(debian, { recursive: true });
  for (const script of ['postinst', 'prerm', 'postrm'])
    install(join(LINUX, 'deb', script), join(debian, script), 0o755);
  const control = [
    'Package: police-kiosk',
    `Version: ${pkg.version}`,
    `Architecture: ${arch.deb}`,
    'Maintainer: police-kiosk authors <kiosk@example.invalid>',
    `Installed-Size: ${duKb(staging)}`,
    `Depends: ${DEPENDS.join(', ')}`,
    `Recommends: ${RECOMMENDS.join(', ')}`,
    'Section: misc',
    'Priority: optional',
    'Homepage: https://example.invalid/police-kiosk',
    `Description: Self-service kiosk for local police stations${standIn ? ' (STAND-IN Electron: not for a hall)' : ''}`,
    ' 公安便民服务自助终端: service guides, ID card reading, one question per screen,',
    ' materials, acceptance slips, and applications queued durably and sent to the',
    ' station back office over mutual TLS. Boots into a kiosk session (cage on tty1)',
    ' as the police-kiosk user, restarted by systemd and a heartbeat watchdog.',
    ...(standIn
      ? [' .', ' This build carries a stand-in for the Electron binary: it cannot start.']
      : []),
    '',
  ].join('\n');
  writeFileSync(join(debian, 'control'), control);
  const out = join(RELEASE, `police-kiosk_${pkg.version}_${arch.deb}.deb`);
  rmSync(out, { force: true });
  run('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', staging, out]);
  return out;
}

export function buildLinuxPackages(options: { readonly allowStandIn: boolean }): BuiltPackages {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'main.cjs'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  mkdirSync(RELEASE, { recursive: true });
  let electronDist = realElectronDist();
  const standIn = electronDist === null;
  if (standIn) {
    if (!options.allowStandIn) {
      throw new Error(
        `No Electron ${electronVersion} release zips for linux-x64 and linux-arm64 (ELECTRON_DIST, ELECTRON_CACHE or ~/.cache/electron).`,
      );
    }
    electronDist = join(RELEASE, 'standin-electron');
    for (const arch of ARCHES)
      zipStandInElectron(join(electronDist, zipName(arch.electron)), arch.electron);
  }
  const config = builderConfig(electronDist ?? '', standIn);
  rmSync(join(RELEASE, 'app'), { recursive: true, force: true });
  run(join(ROOT, 'node_modules', '.bin', 'electron-builder'), [
    '--config',
    config,
    '--linux',
    'dir',
    '--x64',
    '--arm64',
    '--publish',
    'never',
  ]);
  return {
    standIn,
    debs: ARCHES.map((arch) => ({
      arch: arch.deb,
      path: assembleDeb(arch, join(RELEASE, 'app', arch.unpacked), standIn),
    })),
  };
}
