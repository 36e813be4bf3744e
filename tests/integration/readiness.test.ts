import { X509Certificate } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockStartingAt, manualClock, systemClock, type Clock } from '../../core/clock';
import { runCli, type CliContext } from '../../electron/cli/commands';
import type { ReadinessReport } from '../../electron/cli/readiness';
import { writeHeartbeat } from '../../electron/kiosk/heartbeat';
import { launchKiosk } from '../../electron/kiosk/launch';
import { createLogger } from '../../electron/shared/log';
import { createHandwriting } from '../../electron/input/handwriting';
import { speechFiles } from '../../electron/speech/engine';
import { ENGINE_DIST, ensureBuilt } from '../fixtures/built-engines';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { demoConfig } from '../e2e/kiosk-process';
import { testPki } from './sync-harness';

const ROOT = join(__dirname, '..', '..');
let office: BackOffice;

beforeAll(async () => {
  office = await startBackOffice({ dir: mkdtempSync(join(tmpdir(), 'ready-bo-')), pki: testPki() });
});
afterAll(async () => {
  await office.stop();
});

/** A kiosk install as a technician finds it: a config with real devices, a 0700 data folder. */
function install(options: { certDays?: number; backOffice?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ready-'));
  const dataDir = join(dir, 'data');
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  const client = testPki().client('READY-01', options.certDays ?? 60);
  const config = demoConfig({
    kioskId: 'READY-01',
    devices: [
      {
        id: 'printer-1',
        kind: 'printer',
        transport: { type: 'serial', path: join(dir, 'no-such-port'), baudRate: 9600 },
      },
    ],
    backOffice:
      options.backOffice === false
        ? null
        : {
            url: `${office.url}`,
            caFile: testPki().caFile,
            certFile: client.certFile,
            keyFile: client.keyFile,
          },
  });
  writeFileSync(join(dir, 'kiosk.json'), JSON.stringify(config));
  const env = {
    KIOSK_CONFIG: join(dir, 'kiosk.json'),
    KIOSK_DATA_DIR: dataDir,
    KIOSK_RULES_DIR: join(dir, 'rules'),
    KIOSK_HEARTBEAT_FILE: join(dir, 'run', 'heartbeat.json'),
  };
  const certValidFrom = new Date(new X509Certificate(readFileSync(client.certFile)).validFrom);
  return { dir, dataDir, env, certValidFrom };
}

async function cli(
  args: string[],
  env: Record<string, string>,
  clock: Clock = systemClock,
  stdin = '',
  engineDir = '/nonexistent',
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    env,
    clock,
    packaged: true,
    appRoot: ROOT,
    dataDirFallback: '/nonexistent',
    engineDir,
    exists: existsSync,
  };
  const code = await runCli(args, ctx, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: () => stdin,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const readiness = async (env: Record<string, string>, clock?: Clock) => {
  const result = await cli(['readiness'], env, clock);
  return { code: result.code, report: JSON.parse(result.out) as ReadinessReport };
};
const checkOf = (report: ReadinessReport, name: string) =>
  report.checks.find((c) => c.name === name);

describe('police-kiosk readiness', () => {
  it("says what a citizen would miss: the kiosk's own voice and the handwriting pad", async () => {
    const { env } = install();
    ensureBuilt(speechFiles(ENGINE_DIST).worker);
    const built = JSON.parse(
      (await cli(['readiness'], env, systemClock, '', ENGINE_DIST)).out,
    ) as ReadinessReport;
    expect(checkOf(built, 'voice')).toMatchObject({ level: 'ok' });
    expect(checkOf(built, 'voice')?.detail).toContain('zh-CN, en, ug');
    const missing = JSON.parse((await cli(['readiness'], env)).out) as ReadinessReport;
    expect(checkOf(missing, 'voice')).toMatchObject({ level: 'warn' });
    expect(checkOf(missing, 'voice')?.detail).toContain('cannot name services or buttons');
    // The pad is there exactly when zinnia and its model are.
    expect(checkOf(built, 'handwriting')).toMatchObject({
      level: createHandwriting().available ? 'ok' : 'warn',
    });
  });

  it('reads the running kiosk from its heartbeat: devices, outbox, key protection', async () => {
    const { dataDir, env } = install();
    const started = await launchKiosk({
      config: { kind: 'file', path: env.KIOSK_CONFIG },
      dataDir,
      rulesDir: env.KIOSK_RULES_DIR,
      version: 'test',
      log: createLogger({ quiet: true }),
      clock: systemClock,
      heartbeatFile: env.KIOSK_HEARTBEAT_FILE,
    });
    if (!started.ok) throw new Error(started.error.message);
    chmodSync(dataDir, 0o700);
    try {
      const { code, report } = await readiness(env);
      // The printer's port does not exist: not ready, and it says which device and why.
      expect(code).toBe(1);
      expect(report.kioskId).toBe('READY-01');
      expect(checkOf(report, 'kiosk running')).toMatchObject({ level: 'ok' });
      expect(checkOf(report, 'device printer-1 (printer)')).toMatchObject({ level: 'fail' });
      expect(checkOf(report, 'device printer-1 (printer)')?.detail).toMatch(/offline/);
      expect(checkOf(report, 'data key protection')?.detail).toBe('key file (0600)');
      expect(checkOf(report, 'outbox')?.detail).toBe('0 waiting, 0 need attention');
      expect(checkOf(report, 'clock against the back office')).toMatchObject({ level: 'ok' });
      expect(checkOf(report, 'client certificate')).toMatchObject({ level: 'ok' });
      expect(checkOf(report, 'data folder')).toMatchObject({ level: 'ok' });
      expect(checkOf(report, 'service rule files')?.detail).toMatch(/passport-first@/);
      expect(checkOf(report, 'audit log')?.detail).toMatch(/live segment intact/);
    } finally {
      await started.value.stop();
    }
    // Stopped: no heartbeat, so the report does not show stale device states.
    const { report } = await readiness(env);
    expect(checkOf(report, 'kiosk running')?.detail).toMatch(/not running/);
    expect(report.checks.some((c) => c.name.startsWith('device '))).toBe(false);
  });

  it('warns of a client certificate that expires within 30 days, and fails an expired one', async () => {
    const { env, certValidFrom } = install({ certDays: 20 });
    const at = (days: number) => manualClock(new Date(certValidFrom.getTime() + days * 86_400_000));
    const soon = await readiness(env, at(1));
    expect(checkOf(soon.report, 'client certificate')).toMatchObject({ ok: true, level: 'warn' });
    expect(checkOf(soon.report, 'client certificate')?.detail).toMatch(/\(19 days left\)/);
    const late = await readiness(env, at(21));
    expect(checkOf(late.report, 'client certificate')).toMatchObject({ ok: false, level: 'fail' });
    expect(checkOf(late.report, 'client certificate')?.detail).toMatch(/expired on/);
  });

  it('fails when this kiosk’s clock is minutes away from the back office’s', async () => {
    const { env, certValidFrom } = install();
    // Ten minutes ahead of the machine (and of the back office, which runs on the machine's clock).
    const ahead = clockStartingAt(new Date(systemClock.nowMs() + 600_000));
    expect(ahead.now() > certValidFrom).toBe(true);
    const { report } = await readiness(env, ahead);
    const skew = checkOf(report, 'clock against the back office');
    expect(skew).toMatchObject({ level: 'fail' });
    expect(skew?.detail).toMatch(/this kiosk is 6\d\d s ahead of the back office/);
  });

  it('shows why a kiosk is out of service, over SSH, from its heartbeat', async () => {
    const { env } = install();
    writeFileSync(join(env.KIOSK_CONFIG), '{ "station": ');
    // What the kiosk (Electron or the web host) writes while it shows the notice.
    writeHeartbeat(env.KIOSK_HEARTBEAT_FILE, {
      status: 'out_of_service',
      at: systemClock.now().toISOString(),
      pid: 4242,
      version: 'test',
      reason: '[config/config_invalid] Kiosk config is not valid JSON',
    });
    const { report } = await readiness(env);
    expect(checkOf(report, 'config')).toMatchObject({ level: 'fail' });
    expect(checkOf(report, 'config')?.detail).toMatch(/not valid JSON/);
    expect(checkOf(report, 'kiosk running')?.detail).toBe(
      'out of service since it started (pid 4242): [config/config_invalid] Kiosk config is not valid JSON',
    );
  });

  it('calls a kiosk whose heartbeat stopped a hung kiosk', async () => {
    const { env } = install({ backOffice: false });
    writeHeartbeat(env.KIOSK_HEARTBEAT_FILE, {
      status: 'out_of_service',
      at: systemClock.now().toISOString(),
      pid: 1,
      version: 'test',
      reason: 'x',
    });
    const later = clockStartingAt(new Date(systemClock.nowMs() + 5 * 60_000));
    const { report } = await readiness(env, later);
    expect(checkOf(report, 'kiosk running')?.detail).toMatch(/last heartbeat 30\d s ago/);
  });
});

describe('the other technician commands', () => {
  it('check-rules names the file and the field that is wrong, and exits 1', async () => {
    const { dir, env } = install({ backOffice: false });
    const file = join(dir, 'rules', 'services', 'passport-first.json');
    const rule = JSON.parse(readFileSync(file, 'utf8')) as {
      fee: { items: { amount: unknown }[] };
    };
    rule.fee.items[0]!.amount = 'free';
    writeFileSync(file, JSON.stringify(rule));
    const result = await cli(['check-rules', join(dir, 'rules')], env);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/services\/passport-first\.json \$\.fee\.items\[0\]\.amount/);
    expect((await cli(['check-rules', join(ROOT, 'rules')], env)).code).toBe(0);
  });

  it('hash-pin reads stdin only, refuses a short PIN and the ones a guesser tries first, and verify-audit tells a cut log from a good one', async () => {
    const { env } = install({ backOffice: false });
    // On the command line the PIN would stay in the shell history and in ps: refused, even a good one.
    const argument = await cli(['hash-pin', '24681012'], env);
    expect(argument).toMatchObject({ code: 2, out: '' });
    expect(argument.err).toContain('stdin');
    expect(await cli(['hash-pin'], env, systemClock, '1234\n')).toMatchObject({ code: 2 });
    for (const weak of ['000000', '123456', '654321', '121212', '123123', '900101', '19900101'])
      expect(await cli(['hash-pin'], env, systemClock, `${weak}\n`)).toMatchObject({
        code: 2,
        out: '',
      });
    const hashed = await cli(['hash-pin'], env, systemClock, '24681012\n');
    expect(hashed.out).toMatch(/^scrypt\$/);
    const missing = await cli(['verify-audit', join(env.KIOSK_DATA_DIR, 'nope.jsonl')], env);
    expect(missing.code).toBe(2);
    expect(await cli(['frobnicate'], env)).toMatchObject({ code: 2 });
  });
});
