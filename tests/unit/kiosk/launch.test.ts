import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configSource,
  PACKAGED_CONFIG_PATH,
  PACKAGED_EXAMPLE_PATH,
} from '../../../electron/kiosk/config-source';
import { launchKiosk, type LaunchOptions } from '../../../electron/kiosk/launch';
import { describeStartFailure } from '../../../electron/kiosk/start-failure';
import { outOfServicePage } from '../../../electron/shell/out-of-service';
import { parseLaunchArgs } from '../../../electron/shell/web-preferences';
import { createLogger } from '../../../electron/shared/log';
import { testClock } from '../../test-clock';

const RULES = join(__dirname, '..', '..', '..', 'rules');

const options = (overrides: Partial<LaunchOptions> = {}): LaunchOptions => ({
  config: { kind: 'demo' },
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
      launchKiosk(options({ config: { kind: 'file', path: join(dir, 'kiosk.json') } })),
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

  it('in a package, ends on out-of-service naming what is missing when there is no config', async () => {
    const source = configSource({ packaged: true, demo: false, env: {}, exists: () => false });
    expect(source.kind).toBe('missing');
    const started = await launchKiosk(options({ config: source }));
    expect(started).toMatchObject({
      ok: false,
      error: { stage: 'config', code: 'config_missing' },
    });
    if (!started.ok) {
      const reason = describeStartFailure(started.error);
      expect(reason).toContain(PACKAGED_CONFIG_PATH);
      expect(reason).toContain(PACKAGED_EXAMPLE_PATH);
      expect(reason).toContain('police-kiosk readiness');
      // The notice is what the hall sees: the same reason, on the bilingual page.
      expect(outOfServicePage(reason)).toContain('/etc/police-kiosk/kiosk.json does not exist');
    }
  });

  it('runs the demo in a package only when started with --demo', async () => {
    const demo = configSource({
      packaged: true,
      demo: parseLaunchArgs(['police-kiosk', '--demo']).demo,
      env: {},
      exists: () => false,
    });
    expect(demo).toEqual({ kind: 'demo' });
    const started = await launchKiosk(options({ config: demo }));
    expect(started.ok).toBe(true);
    if (started.ok) await started.value.stop();
    expect(parseLaunchArgs(['police-kiosk']).demo).toBe(false);
  });

  it('reads the station’s config from /etc/police-kiosk in a package, and KIOSK_CONFIG wins everywhere', () => {
    expect(
      configSource({
        packaged: true,
        demo: false,
        env: {},
        exists: (p) => p === PACKAGED_CONFIG_PATH,
      }),
    ).toEqual({ kind: 'file', path: PACKAGED_CONFIG_PATH });
    for (const packaged of [true, false])
      expect(
        configSource({
          packaged,
          demo: true,
          env: { KIOSK_CONFIG: '/srv/k.json' },
          exists: () => false,
        }),
      ).toEqual({ kind: 'file', path: '/srv/k.json' });
    // A checkout (npm start) runs the demo without a config, as the README says.
    expect(configSource({ packaged: false, demo: false, env: {}, exists: () => false })).toEqual({
      kind: 'demo',
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
