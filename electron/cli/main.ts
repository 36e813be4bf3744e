import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { systemClock } from '../../core/clock';
import { defaultDataDir } from '../kiosk/paths';
import { readStdin, runCli } from './commands';

/**
 * The technician's commands under plain Node, from a checkout:
 * `node build/scripts/run-ts.mjs electron/cli/main.ts readiness` (the npm
 * scripts pin:hash, audit:verify, readiness run this). In a package the same
 * commands run inside the Electron binary: `police-kiosk readiness`.
 */
// `npm run` starts us in the project's root; files named on its command line are relative to
// where the technician typed it.
const typedIn = process.env['INIT_CWD'];
if (typedIn !== undefined && typedIn !== '') process.chdir(typedIn);

runCli(
  process.argv.slice(2),
  {
    env: process.env,
    clock: systemClock,
    packaged: false,
    appRoot: resolve(__dirname, '..', '..'),
    dataDirFallback: defaultDataDir(process.env, process.platform, homedir()),
    exists: existsSync,
    // The face tools need the built thread and models: the npm scripts build them first.
    engineDir: resolve(__dirname, '..', '..', 'dist', 'electron'),
  },
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stdin: readStdin,
  },
).then(
  (code) => process.exit(code),
  (cause: unknown) => {
    process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
    process.exit(1);
  },
);
