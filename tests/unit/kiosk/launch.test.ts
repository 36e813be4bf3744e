import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchKiosk, type LaunchOptions } from '../../../electron/kiosk/launch';
import { createLogger } from '../../../electron/shared/log';
import { testClock } from '../../test-clock';

const RULES = join(__dirname, '..', '..', '..', 'rules');

const options = (overrides: Partial<LaunchOptions> = {}): LaunchOptions => ({
  configPath: undefined,
  dataDir: mkdtempSync(join(tmpdir(), 'kiosk-launch-')),
  rulesDir: RULES,
  version: 'test',
  log: createLogger({ quiet: true }),
  clock: testClock(),
  ...overrides,
});

/** Every way start-up can stop ends in one typed value saying where: the out-of-service page shows it. */
describe('starting the kiosk', () => {
  it('starts on the embedded demo config and stops cleanly', async () => {
    const started = await launchKiosk(options());
    expect(started.ok).toBe(true);
    if (started.ok) await started.value.stop();
  });

  it('stops at the config when the file is not valid JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
    writeFileSync(join(dir, 'kiosk.json'), '{ "station": ');
    await expect(
      launchKiosk(options({ configPath: join(dir, 'kiosk.json') })),
    ).resolves.toMatchObject({
      ok: false,
      error: { stage: 'config', code: 'config_invalid' },
    });
  });

  it('stops at the database when the file is damaged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    writeFileSync(join(dataDir, 'kiosk.sqlite'), 'not a database at all, just text'.repeat(200));
    await expect(launchKiosk(options({ dataDir }))).resolves.toMatchObject({
      ok: false,
      error: { stage: 'database' },
    });
  });

  it('turns an exception thrown while starting into a failure of its own stage', async () => {
    const started = await launchKiosk(
      options({
        dataKey: () => {
          throw new Error('the keyring went away');
        },
      }),
    );
    expect(started).toMatchObject({
      ok: false,
      error: { stage: 'unexpected', code: 'start_crashed' },
    });
    if (!started.ok) expect(started.error.message).toContain('the keyring went away');
  });
});
