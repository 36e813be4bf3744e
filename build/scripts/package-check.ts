import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLinuxPackages, RELEASE, ROOT, type DebArch } from './package-linux';

/**
 * `npm run package:check`: builds the amd64 and arm64 packages (with a
 * stand-in Electron when the real one is absent) and checks them the way a
 * station's IT would find them: the files and their modes and owners, the
 * dependencies, the systemd units (`systemd-analyze verify`), and the
 * maintainer scripts run by dpkg into a throwaway root — the kiosk user and
 * its groups, the folders and their modes, the enabled session, and a removal
 * that keeps config and data. The last lines are the paths of the two .deb files.
 */

const problems: string[] = [];
const expect = (ok: boolean, what: string): void => {
  if (!ok) problems.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
};
const sh = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });

const REQUIRED_FILES: readonly [path: string, mode: string][] = [
  ['./usr/bin/police-kiosk', '-rwxr-xr-x'],
  ['./opt/police-kiosk/police-kiosk', '-rwxr-xr-x'],
  ['./opt/police-kiosk/chrome-sandbox', '-rwsr-xr-x'],
  ['./opt/police-kiosk/resources/app.asar', '-rw-r--r--'],
  ['./opt/police-kiosk/resources/rules/common.json', '-rw-r--r--'],
  ['./opt/police-kiosk/linux/watchdog.sh', '-rwxr-xr-x'],
  ['./lib/systemd/system/police-kiosk.service', '-rw-r--r--'],
  ['./lib/systemd/system/police-kiosk-watchdog.service', '-rw-r--r--'],
  ['./lib/systemd/system/police-kiosk-watchdog.timer', '-rw-r--r--'],
  ['./lib/udev/rules.d/99-police-kiosk.rules', '-rw-r--r--'],
  ['./usr/share/police-kiosk/kiosk.example.json', '-rw-r--r--'],
  // The face engine: its thread and models unpacked beside app.asar (a worker and WASM load real files).
  ['./opt/police-kiosk/resources/app.asar.unpacked/dist/electron/face-worker.cjs', '-rw-r--r--'],
  ['./opt/police-kiosk/resources/app.asar.unpacked/dist/face/models/faceres.bin', '-rw-r--r--'],
  [
    './opt/police-kiosk/resources/app.asar.unpacked/dist/face/wasm/tfjs-backend-wasm-simd.wasm',
    '-rw-r--r--',
  ],
  // The kiosk's own voice, likewise: its thread loads the synthesizer's module and WASM as files.
  ['./opt/police-kiosk/resources/app.asar.unpacked/dist/electron/speech-worker.cjs', '-rw-r--r--'],
  ['./opt/police-kiosk/resources/app.asar.unpacked/dist/speech/espeak-ng.wasm', '-rw-r--r--'],
  ['./opt/police-kiosk/resources/app.asar.unpacked/dist/speech/espeak-ng.js', '-rw-r--r--'],
];

/** Files, modes, owners and the control fields, read back from the .deb. */
function checkContents(deb: string, arch: DebArch): void {
  const listing = execFileSync('dpkg-deb', ['-c', deb], { encoding: 'utf8' }).trim().split('\n');
  const byPath = new Map(
    listing.map((line) => {
      const [mode = '', owner = '', , , , path = ''] = line.split(/\s+/);
      return [path.replace(/ -> .*$/, ''), { mode, owner }] as const;
    }),
  );
  for (const [path, mode] of REQUIRED_FILES) {
    const entry = byPath.get(path);
    expect(
      entry?.mode === mode && entry.owner === 'root/root',
      `${arch}: ${path} ${mode} root/root`,
    );
  }
  const outside = [...byPath.keys()].filter(
    (p) => !/^\.\/($|opt\/|usr\/|lib\/)/.test(p) || p === './usr/lib/',
  );
  expect(
    outside.length === 0,
    `${arch}: files only under /opt, /usr and /lib (nothing in /etc: config is the station's)`,
  );
  const field = (name: string) =>
    execFileSync('dpkg-deb', ['-f', deb, name], { encoding: 'utf8' }).trim();
  expect(field('Architecture') === arch, `${arch}: Architecture ${arch}`);
  const depends = field('Depends').split(/,\s*/);
  for (const needed of ['libsecret-1-0', 'cage', 'passwd', 'udev'])
    expect(depends.includes(needed), `${arch}: Depends on ${needed}`);
  const asar = statSync(
    join(RELEASE, `deb-${arch}`, 'opt', 'police-kiosk', 'resources', 'app.asar'),
  ).size;
  expect(
    asar < 40 * 1024 * 1024,
    `${arch}: app.asar ${(asar / 1048576).toFixed(1)} MB (under 40 MB: nothing bundled twice)`,
  );
  const faceDir = join(
    RELEASE,
    `deb-${arch}`,
    'opt',
    'police-kiosk',
    'resources',
    'app.asar.unpacked',
    'dist',
    'face',
  );
  const faceMb =
    Number(execFileSync('du', ['-sk', faceDir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
  expect(
    faceMb < 30,
    `${arch}: face models and WASM ${faceMb.toFixed(1)} MB unpacked (under 30 MB); the .deb is ${(statSync(deb).size / 1048576).toFixed(1)} MB`,
  );
}

/** The units as systemd reads them, with the package's own executables in place. */
function verifyUnits(arch: DebArch): void {
  const staging = join(RELEASE, `deb-${arch}`);
  const dir = mkdtempSync(join(tmpdir(), 'units-'));
  const units = [
    'police-kiosk.service',
    'police-kiosk-watchdog.service',
    'police-kiosk-watchdog.timer',
  ];
  for (const unit of units) {
    const text = readFileSync(join(staging, 'lib', 'systemd', 'system', unit), 'utf8')
      .replaceAll('/opt/police-kiosk/', `${staging}/opt/police-kiosk/`)
      .replaceAll('/usr/bin/police-kiosk', `${staging}/usr/bin/police-kiosk`);
    writeFileSync(join(dir, unit), text);
  }
  const result = sh('systemd-analyze', ['verify', ...units.map((u) => join(dir, u))]);
  const said = `${result.stdout}${result.stderr}`.trim();
  expect(
    result.status === 0 && said === '',
    `${arch}: systemd-analyze verify ${units.join(' ')}${said === '' ? '' : `\n${said}`}`,
  );
}

/** A root with just what the maintainer scripts need: users, groups, and dpkg's database. */
function throwawayRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-root-'));
  for (const dir of ['etc', 'var/lib/dpkg/info', 'var/lib/dpkg/updates', 'usr/sbin'])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(root, 'etc', 'shadow'), 'root:*:19000:0:99999:7:::\n', { mode: 0o640 });
  writeFileSync(
    join(root, 'etc', 'group'),
    'root:x:0:\ndialout:x:20:\nvideo:x:44:\nplugdev:x:46:\n',
  );
  writeFileSync(join(root, 'etc', 'gshadow'), 'root:*::\ndialout:*::\nvideo:*::\nplugdev:*::\n', {
    mode: 0o640,
  });
  copyFileSync('/etc/login.defs', join(root, 'etc', 'login.defs'));
  writeFileSync(join(root, 'var', 'lib', 'dpkg', 'status'), '');
  writeFileSync(join(root, 'var', 'lib', 'dpkg', 'available'), '');
  return root;
}

const dpkg = (root: string, args: readonly string[]) =>
  sh('dpkg', [
    `--root=${root}`,
    '--force-script-chrootless',
    '--force-depends',
    '--force-architecture',
    '--log=/dev/null',
    ...args,
  ]);

const modeOf = (path: string): string =>
  (statSync(path).mode & 0o7777).toString(8).padStart(4, '0');
const ownerOf = (path: string): string => `${statSync(path).uid}:${statSync(path).gid}`;

/** Installs, looks, runs the launcher and the commands, removes, looks again. */
function installInThrowawayRoot(deb: string, arch: DebArch): void {
  const root = throwawayRoot();
  const installed = dpkg(root, ['--install', deb]);
  expect(
    installed.status === 0,
    `${arch}: dpkg --root installs it and runs postinst${installed.status === 0 ? '' : `\n${installed.stderr}`}`,
  );
  const passwd = readFileSync(join(root, 'etc', 'passwd'), 'utf8');
  const user =
    /^police-kiosk:x:(\d+):(\d+):[^:]*:\/var\/lib\/police-kiosk:\/usr\/sbin\/nologin$/m.exec(
      passwd,
    );
  expect(
    user !== null,
    `${arch}: system user police-kiosk, home /var/lib/police-kiosk, no login shell`,
  );
  const [uid, gid] = [Number(user?.[1]), Number(user?.[2])];
  expect(uid > 0 && uid < 1000, `${arch}: police-kiosk is a system account (uid ${uid})`);
  const group = readFileSync(join(root, 'etc', 'group'), 'utf8');
  for (const g of ['dialout', 'plugdev'])
    expect(
      new RegExp(`^${g}:x:\\d+:.*\\bpolice-kiosk\\b`, 'm').test(group),
      `${arch}: police-kiosk is in ${g}`,
    );
  const etc = join(root, 'etc', 'police-kiosk');
  const data = join(root, 'var', 'lib', 'police-kiosk');
  expect(
    modeOf(etc) === '0750' && ownerOf(etc) === `0:${gid}`,
    `${arch}: /etc/police-kiosk 0750 root:police-kiosk (is ${modeOf(etc)} ${ownerOf(etc)})`,
  );
  expect(
    existsSync(join(etc, 'certs')) && modeOf(join(etc, 'certs')) === '0750',
    `${arch}: /etc/police-kiosk/certs 0750`,
  );
  expect(
    modeOf(data) === '0700' && ownerOf(data) === `${uid}:${gid}`,
    `${arch}: /var/lib/police-kiosk 0700 police-kiosk (is ${modeOf(data)} ${ownerOf(data)})`,
  );
  // Enabling is a symlink in the root pointing at the unit's path inside it.
  const enabled = (target: string, unit: string): boolean => {
    const link = join(root, 'etc', 'systemd', 'system', `${target}.wants`, unit);
    try {
      return (
        lstatSync(link).isSymbolicLink() && readlinkSync(link) === `/lib/systemd/system/${unit}`
      );
    } catch {
      return false;
    }
  };
  expect(
    enabled('multi-user.target', 'police-kiosk.service'),
    `${arch}: police-kiosk.service enabled at boot (multi-user.target)`,
  );
  expect(
    enabled('timers.target', 'police-kiosk-watchdog.timer'),
    `${arch}: the watchdog timer enabled`,
  );

  // The launcher hands a technician command to the app with no display and no sandbox.
  const argvFile = join(root, 'argv.txt');
  const launched = sh(join(root, 'usr', 'bin', 'police-kiosk'), ['readiness'], {
    POLICE_KIOSK_APP: join(root, 'opt', 'police-kiosk', 'police-kiosk'),
    STANDIN_ARGV_FILE: argvFile,
  });
  const argv = existsSync(argvFile) ? readFileSync(argvFile, 'utf8').trim().split('\n') : [];
  expect(
    argv.join(' ') === '--ozone-platform=headless --disable-gpu --no-sandbox --cli readiness',
    `${arch}: \`police-kiosk readiness\` starts the app headless with --cli (${argv.join(' ')}; stand-in exit ${launched.status})`,
  );
  const session = sh(join(root, 'usr', 'bin', 'police-kiosk'), [], {
    POLICE_KIOSK_APP: join(root, 'opt', 'police-kiosk', 'police-kiosk'),
    STANDIN_ARGV_FILE: argvFile,
  });
  expect(
    readFileSync(argvFile, 'utf8').trim() === '--ozone-platform=wayland' && session.status !== 0,
    `${arch}: \`police-kiosk\` alone starts the kiosk on Wayland (under cage)`,
  );

  // The commands themselves, on the installed tree (run by Node here: Electron runs them in a hall).
  if (arch === 'amd64') {
    const cli = join(ROOT, 'dist', 'electron', 'cli.cjs');
    const rules = join(root, 'opt', 'police-kiosk', 'resources', 'rules');
    const checked = sh(process.execPath, [cli, 'check-rules', rules]);
    expect(
      checked.status === 0 && /0 problems/.test(checked.stdout),
      `${arch}: check-rules on the shipped rule files: ${checked.stdout.trim().split('\n').at(-1)}`,
    );
    copyFileSync(
      join(root, 'usr', 'share', 'police-kiosk', 'kiosk.example.json'),
      join(etc, 'kiosk.json'),
    );
    const ready = sh(process.execPath, [cli, 'readiness'], {
      KIOSK_CONFIG: join(etc, 'kiosk.json'),
      KIOSK_DATA_DIR: data,
      KIOSK_RULES_DIR: rules,
      KIOSK_HEARTBEAT_FILE: join(root, 'run', 'police-kiosk', 'heartbeat.json'),
    });
    const report = JSON.parse(ready.stdout || '{}') as {
      ready?: boolean;
      checks?: { name: string; level: string; detail: string }[];
    };
    const level = (name: string) => report.checks?.find((c) => c.name === name)?.level;
    expect(
      ready.status === 1 &&
        report.ready === false &&
        level('data folder') === 'ok' &&
        level('service rule files') === 'ok' &&
        level('kiosk running') === 'fail',
      `${arch}: readiness on the installed tree: data folder ok, rules ok, "kiosk running" fails while the kiosk is stopped`,
    );
  }

  const removed = dpkg(root, ['--remove', 'police-kiosk']);
  expect(
    removed.status === 0,
    `${arch}: dpkg --remove runs prerm and postrm${removed.status === 0 ? '' : `\n${removed.stderr}`}`,
  );
  expect(
    !existsSync(join(root, 'opt', 'police-kiosk', 'police-kiosk')),
    `${arch}: removal takes the program away`,
  );
  expect(
    !enabled('multi-user.target', 'police-kiosk.service') &&
      !enabled('timers.target', 'police-kiosk-watchdog.timer'),
    `${arch}: removal disables the kiosk session and the watchdog`,
  );
  expect(
    existsSync(etc) &&
      existsSync(data) &&
      readFileSync(join(root, 'etc', 'passwd'), 'utf8').includes('police-kiosk:'),
    `${arch}: removal keeps /etc/police-kiosk, /var/lib/police-kiosk and the kiosk user`,
  );
}

/**
 * Debian's own package checker, as a station's IT would run it: no error but
 * the one this package chooses (an add-on application lives in /opt). Skipped,
 * saying so, where lintian is not installed.
 */
function lintianErrors(deb: string, arch: DebArch): void {
  const found = sh('lintian', ['--no-tag-display-limit', deb]);
  if (found.error !== undefined) {
    console.log(`skip  ${arch}: lintian is not installed (apt-get install lintian)`);
    return;
  }
  const lines = found.stdout.split('\n');
  const errors = lines.filter((l) => l.startsWith('E:') && !l.includes(' dir-or-file-in-opt '));
  expect(
    errors.length === 0,
    `${arch}: lintian reports no error but /opt (${lines.filter((l) => l.startsWith('W:')).length} warnings)${errors.length === 0 ? '' : `:\n${errors.slice(0, 20).join('\n')}`}`,
  );
}

const built = buildLinuxPackages({ allowStandIn: true });
console.log(
  built.standIn
    ? 'built with a STAND-IN Electron (no real one on this machine)'
    : 'built with Electron',
);
for (const { arch, path } of built.debs) {
  checkContents(path, arch);
  verifyUnits(arch);
  installInThrowawayRoot(path, arch);
  lintianErrors(path, arch);
}
console.log(
  `package:check: ${problems.length === 0 ? 'all checks passed' : `${problems.length} failed`}`,
);
for (const { path } of built.debs) console.log(path);
process.exit(problems.length === 0 ? 0 : 1);
