import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  readdirSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/commands';
import { launchKiosk } from '../../electron/kiosk/launch';
import { createLogger } from '../../electron/shared/log';
import { testClock } from '../test-clock';
import { buildKioskChild, RULES, spawnKioskChild } from './kiosk-child-process';
import { TECHNICIAN } from './callers';

/**
 * Faults at rest: a kiosk takes three applications and is killed -9 (so the
 * last commits are still in the WAL); then one of its files is lost, cut,
 * emptied or swapped. The kiosk must refuse to start, say which file and
 * what to do, write nothing to the database or the key meanwhile, and come
 * back with every application once the file is restored.
 */
const ROOT = resolve(__dirname, '..', '..');
let childFile = '';
/** The data folder just after the kill, and the other kiosk's database for the swap. */
let killed = '';
let otherKiosk = '';
let stored: string[] = [];
/** As in the report: twenty applications queued with no back office, then kill -9. */
const QUEUED = 20;

/** Runs the kiosk in a child process: `count` applications, then killed -9 (or stopped cleanly). */
async function runKiosk(dataDir: string, count: number, end: 'kill' | 'stop'): Promise<string[]> {
  const kiosk = spawnKioskChild(childFile, [dataDir, RULES, String(count)]);
  const numbers: string[] = [];
  for (
    let line = await kiosk.next(['STORED ', 'IDLE']);
    line !== 'IDLE';
    line = await kiosk.next(['STORED ', 'IDLE'])
  )
    numbers.push(line.slice('STORED '.length));
  if (end === 'kill') kiosk.child.kill('SIGKILL');
  else kiosk.send('stop');
  await kiosk.exited;
  return numbers;
}

beforeAll(async () => {
  childFile = await buildKioskChild();
  killed = mkdtempSync(join(tmpdir(), 'kiosk-killed-'));
  stored = await runKiosk(killed, QUEUED, 'kill');
  otherKiosk = mkdtempSync(join(tmpdir(), 'kiosk-other-'));
  await runKiosk(otherKiosk, 1, 'stop');
}, 120_000);

/** A fresh copy of the killed kiosk's data folder, as a technician's backup would be. */
function copyOfKilled(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fault-'));
  cpSync(killed, dir, { recursive: true });
  return dir;
}

/** Every file a refusal must leave alone, by content. */
function fingerprintOf(dir: string): Record<string, string | null> {
  const files = ['kiosk.sqlite', 'kiosk.sqlite-wal', 'keys/data.key', 'integrity.json'];
  return Object.fromEntries(
    files.map((f) => {
      const path = join(dir, f);
      return [
        f,
        existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null,
      ];
    }),
  );
}

async function launch(dataDir: string) {
  return launchKiosk({
    config: { kind: 'demo' },
    dataDir,
    rulesDir: RULES,
    version: 'fault-test',
    log: createLogger({ quiet: true }),
    clock: testClock(),
  });
}

/** Starts the kiosk and returns how many applications it holds; stops it again. */
async function applicationsAfterStart(dataDir: string): Promise<number> {
  const started = await launch(dataDir);
  if (!started.ok) throw new Error(`refused: ${started.error.stage}/${started.error.code}`);
  try {
    const diagnostics = await started.value.handlers.getDiagnostics({}, TECHNICIAN);
    if (!diagnostics.ok) throw new Error('getDiagnostics declares no error, yet failed');
    return diagnostics.value.store.applications;
  } finally {
    await started.value.stop();
  }
}

/** Launches expecting a refusal; checks that the refusal wrote nothing but its audit line. */
async function refusal(dataDir: string) {
  const before = fingerprintOf(dataDir);
  const started = await launch(dataDir);
  if (started.ok) {
    await started.value.stop();
    throw new Error('the kiosk started on damaged data');
  }
  expect(fingerprintOf(dataDir)).toEqual(before);
  const audit = readFileSync(join(dataDir, 'audit', 'audit.jsonl'), 'utf8');
  expect(audit).toContain('"integrity.refused"');
  return started.error;
}

async function cli(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const code = await runCli(
    args,
    {
      env: { KIOSK_DATA_DIR: dataDir },
      clock: testClock(),
      packaged: false,
      appRoot: ROOT,
      dataDirFallback: dataDir,
      engineDir: '/nonexistent',
      exists: existsSync,
    },
    { out: (t) => out.push(t), err: (t) => out.push(t), stdin: () => '' },
  );
  return { code, text: out.join('\n') };
}

describe('faults at rest after a kill -9', () => {
  it('left the last commits in the WAL, and a plain restart finds all twenty', async () => {
    expect(stored).toHaveLength(QUEUED);
    expect(statSync(join(killed, 'kiosk.sqlite-wal')).size).toBeGreaterThan(0);
    expect(await applicationsAfterStart(copyOfKilled())).toBe(QUEUED);
  });

  it('refuses when the WAL is deleted, and has all twenty back once it is restored', async () => {
    const dir = copyOfKilled();
    const wal = readFileSync(join(dir, 'kiosk.sqlite-wal'));
    rmSync(join(dir, 'kiosk.sqlite-wal'));
    rmSync(join(dir, 'kiosk.sqlite-shm'), { force: true });
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'applications_missing' });
    expect(error.message).toContain(`${QUEUED} were stored`);
    expect(error.message).toContain(stored[QUEUED - 1]);
    expect(error.message).toContain('kiosk.sqlite-wal');
    // The technician's readiness report says the same over SSH.
    const readiness = JSON.parse((await cli(dir, 'readiness')).text) as {
      checks: { name: string; ok: boolean; detail: string }[];
    };
    expect(readiness.checks.find((c) => c.name === 'stored applications')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('applications_missing') as unknown,
    });
    writeFileSync(join(dir, 'kiosk.sqlite-wal'), wal);
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
  });

  it('refuses when the WAL is cut short', async () => {
    const dir = copyOfKilled();
    const wal = join(dir, 'kiosk.sqlite-wal');
    truncateSync(wal, Math.floor(statSync(wal).size / 2));
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'applications_missing' });
  });

  it('refuses a WAL with damaged frames, and has all twenty back once it is restored', async () => {
    const dir = copyOfKilled();
    const path = join(dir, 'kiosk.sqlite-wal');
    const wal = readFileSync(path);
    const damaged = Buffer.from(wal);
    // Bytes changed in the middle of the log: SQLite stops replaying at the first frame whose checksum fails.
    for (let i = Math.floor(damaged.length / 3); i < Math.floor(damaged.length / 3) + 64; i += 1)
      damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    writeFileSync(path, damaged);
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'applications_missing' });
    writeFileSync(path, wal);
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
  });

  it('refuses a database emptied after a clean stop (truncate -s 0)', async () => {
    const dir = copyOfKilled();
    // A clean stop first: everything checkpointed into kiosk.sqlite, the WAL gone.
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
    truncateSync(join(dir, 'kiosk.sqlite'), 0);
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'applications_missing' });
  });

  it('refuses an emptied database', async () => {
    const dir = copyOfKilled();
    truncateSync(join(dir, 'kiosk.sqlite'), 0);
    rmSync(join(dir, 'kiosk.sqlite-wal'));
    rmSync(join(dir, 'kiosk.sqlite-shm'), { force: true });
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'applications_missing' });
    expect(error.message).toContain(`holds 0 application(s) but ${QUEUED} were stored`);
  });

  it("refuses another kiosk's database put in its place", async () => {
    const dir = copyOfKilled();
    for (const f of ['kiosk.sqlite-wal', 'kiosk.sqlite-shm']) rmSync(join(dir, f), { force: true });
    cpSync(join(otherKiosk, 'kiosk.sqlite'), join(dir, 'kiosk.sqlite'));
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'key_mismatch' });
    expect(error.message).toContain("another kiosk's database");
  });

  it('refuses a deleted data key and makes no new one over sealed records', async () => {
    const dir = copyOfKilled();
    const key = readFileSync(join(dir, 'keys', 'data.key'));
    rmSync(join(dir, 'keys', 'data.key'));
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'key_missing' });
    expect(existsSync(join(dir, 'keys', 'data.key'))).toBe(false);
    writeFileSync(join(dir, 'keys', 'data.key'), key, { mode: 0o600 });
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
  });

  it('refuses a replaced data key', async () => {
    const dir = copyOfKilled();
    writeFileSync(join(dir, 'keys', 'data.key'), randomBytes(32), { mode: 0o600 });
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'key_mismatch' });
  });

  it('refuses a deleted integrity record, and accept-loss (audited) lets it start with all it holds', async () => {
    const dir = copyOfKilled();
    rmSync(join(dir, 'integrity.json'));
    const error = await refusal(dir);
    expect(error).toMatchObject({ stage: 'integrity', code: 'integrity_record_missing' });
    expect((await cli(dir, 'accept-loss')).code).toBe(2);
    const accepted = await cli(dir, 'accept-loss', '--confirm');
    expect(accepted.text).toContain('integrity_record_missing, 0 application(s) missing');
    expect(accepted.code).toBe(0);
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
    expect((await cli(dir, 'verify-audit')).code).toBe(0);
  });

  it('refuses accept-loss beside a running kiosk (it holds the audit log), accepting nothing', async () => {
    const dir = copyOfKilled();
    rmSync(join(dir, 'integrity.json'));
    // Another live process holds the audit log's writer lock, as a running kiosk does.
    const running = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const started = readFileSync(`/proc/${running.pid}/stat`, 'utf8');
      const ticks = started.slice(started.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(join(dir, 'audit', 'audit.lock'), `${running.pid} ${ticks}\n`);
      const refused = await cli(dir, 'accept-loss', '--confirm');
      expect(refused.code).toBe(1);
      expect(refused.text).toMatch(
        /refused, nothing accepted: audit_busy.*process \d+ \(a running kiosk\)/,
      );
      expect(existsSync(join(dir, 'integrity.json'))).toBe(false);
      expect(readFileSync(join(dir, 'audit', 'audit.jsonl'), 'utf8')).not.toContain(
        'integrity.loss_accepted',
      );
    } finally {
      running.kill('SIGKILL');
    }
  });

  it('with no copy of a lost WAL, accept-loss says how many are given up and the kiosk serves again', async () => {
    const dir = copyOfKilled();
    rmSync(join(dir, 'kiosk.sqlite-wal'));
    rmSync(join(dir, 'kiosk.sqlite-shm'), { force: true });
    await refusal(dir);
    const accepted = await cli(dir, 'accept-loss', '--confirm');
    expect(accepted.code).toBe(0);
    const kept = await applicationsAfterStart(dir);
    expect(kept).toBeLessThan(QUEUED);
    expect(accepted.text).toContain(`${QUEUED - kept} application(s) missing`);
    const audit = readFileSync(join(dir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"integrity.loss_accepted"');
    // Accepting twice is refused: nothing is missing any more.
    expect((await cli(dir, 'accept-loss', '--confirm')).code).toBe(1);
  });

  it('makes a data folder left open by an older version its own again: folders 0700, files 0600', async () => {
    const dir = copyOfKilled();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'kiosk.sqlite'), 0o644);
    chmodSync(join(dir, 'keys'), 0o755);
    expect(await applicationsAfterStart(dir)).toBe(QUEUED);
    const loose = readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((e) => join(e.parentPath, e.name))
      .concat([dir])
      .filter((p) => (statSync(p).mode & 0o077) !== 0);
    expect(loose).toEqual([]);
  });
});
