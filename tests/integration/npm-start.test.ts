import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

describe('npm start without the Electron binary', () => {
  it.skipIf(existsSync(join(root, 'node_modules', 'electron', 'path.txt')))(
    'stops with a message saying how to get Electron and pointing to npm run start:web',
    () => {
      const env = { ...process.env };
      delete env['ELECTRON_OVERRIDE_DIST_PATH'];
      const run = spawnSync(
        process.execPath,
        [join(root, 'build', 'scripts', 'start-electron.mjs')],
        {
          cwd: root,
          env,
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Electron binary is not installed');
      expect(run.stderr).toContain('npx install-electron');
      expect(run.stderr).toContain('npm run start:web');
    },
  );
});
