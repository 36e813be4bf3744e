// Bundles the Electron main process, its preload and the web host into dist/electron/*.cjs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Native addons and Electron itself load at run time from node_modules.
  external: ['electron', 'serialport', '@serialport/*', 'node-hid', 'bufferutil', 'utf-8-validate'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/host/web.ts'], outfile: 'dist/electron/web.cjs' }),
  // The technician's commands under plain Node (a package runs them inside Electron: police-kiosk <command>).
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/electron/cli.cjs' }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);
console.log('built dist/electron/{main,preload,web,cli}.cjs');
