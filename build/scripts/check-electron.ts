import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../electron/shell/csp';
import { webPreferencesFor } from '../../electron/shell/web-preferences';
import { checkCsp, checkProject, type SourceFile } from './electron-security';

/**
 * `npm run check:electron`: the Electron security rules over electron/, run
 * offline by the project's own checker (build/scripts/electron-security.ts)
 * instead of electronegativity, which crashes without a network. Prints one
 * line per finding and fails on any.
 */
const ROOT = join(__dirname, '..', '..');
const dir = join(ROOT, 'electron');
const files: SourceFile[] = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(dir, f), 'utf8') }));

const problems = [
  ...checkProject(files).map((f) => `${f.rule}  electron/${f.path}:${f.line}  ${f.message}`),
  ...checkCsp(contentSecurityPolicy()).map((p) => `CSP  electron/shell/csp.ts  ${p}`),
  // The policy the one window factory applies, as it is at run time.
  ...[true, false].flatMap((packaged) => {
    const prefs = webPreferencesFor({ preload: 'preload.cjs', packaged });
    const wrong = Object.entries({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      ...(packaged ? { devTools: false } : {}),
    }).filter(([key, value]) => prefs[key as keyof typeof prefs] !== value);
    return wrong.map(
      ([key, value]) =>
        `WEB_PREFERENCES  electron/shell/web-preferences.ts  ${key} must be ${String(value)} (packaged: ${packaged})`,
    );
  }),
];
for (const problem of problems) console.log(problem);
console.log(
  `check:electron: ${files.length} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
);
process.exit(problems.length === 0 ? 0 : 1);
