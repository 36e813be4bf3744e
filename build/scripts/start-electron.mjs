// `npm start`: builds and runs the kiosk in Electron, or first explains how to get Electron
// when its binary is missing (before spending time on a build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the electron package would keep its binary; never triggers a download. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name =
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron';
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
  }
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  return join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
}

const binary = electronBinary();
if (binary === null || !existsSync(binary)) {
  console.error(
    [
      'The Electron binary is not installed on this machine (Electron 未安装).',
      '',
      'To run the kiosk in Electron, on a machine with internet access run:',
      '  npx install-electron',
      'or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 folder.',
      '',
      'Meanwhile the whole kiosk runs in a browser:',
      '  npm run start:web',
    ].join('\n'),
  );
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
