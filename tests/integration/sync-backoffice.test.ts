import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../electron/audit/audit-log';
import { GENESIS, hashEntry, type AuditEntry } from '../../electron/audit/chain';
import { runCli } from '../../electron/cli/commands';
import { createLogger } from '../../electron/shared/log';
import { openApiChecker } from '../backoffice/openapi-check';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { applicantName, startKioskSide, testPki, until, type KioskSide } from './sync-harness';

/**
 * The sync worker against the real test back office over mutual TLS, one
 * misbehaviour at a time. Each test ends by checking the back office holds
 * every application exactly once and the kiosk holds no personal payload for
 * accepted ones.
 */
let office: BackOffice;
let kiosk: KioskSide | null = null;

beforeEach(async () => {
  office = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'backoffice-')),
    pki: testPki(),
  });
});
const followsTheFile = openApiChecker();

afterEach(async () => {
  await kiosk?.close();
  kiosk = null;
  await office.stop();
  // Every request the kiosk made and every answer not deliberately broken, held to the contract.
  const breaches = office
    .exchanges()
    .filter((e) => e.fault === null)
    .flatMap(followsTheFile);
  expect(breaches).toEqual([]);
});

const start = (options: Parameters<typeof startKioskSide>[1] = {}): KioskSide => {
  kiosk = startKioskSide(office.url, options);
  return kiosk;
};

function expectExactlyOnce(k: KioskSide, numbers: readonly string[]): void {
  const stored = office.stored().map((r) => r.body.applicationNo);
  for (const no of numbers)
    expect(
      stored.filter((s) => s === no),
      no,
    ).toHaveLength(1);
  expect(stored).toHaveLength(numbers.length);
  expect(k.outbox.unpurgedAccepted()).toBe(0);
}

const allAccepted = (k: KioskSide, n: number) => () =>
  k.outbox.summary(k.clock.now()).counts.accepted === n;

describe('sync to the back office', () => {
  it('delivers applications with their scans once, stores the 受理编号 and purges the personal data', async () => {
    const k = start();
    const made = k.enqueue(3, { attachments: 2 });
    k.worker.start();
    await until(allAccepted(k, 3), 15_000, 'three accepted');

    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
    for (const { applicationNo, id } of made) {
      const local = k.store.findByNumber(applicationNo);
      const remote = office.stored().find((r) => r.body.applicationNo === applicationNo);
      expect(local?.acceptanceNo).toBe(remote?.acceptanceNo);
      expect(local?.outboxState).toBe('accepted');
      expect(k.store.readPayload(id)).toMatchObject({ ok: false, error: { code: 'purged' } });
      for (const a of remote?.body.attachments ?? []) {
        expect(office.attachment(applicationNo, a.id)?.length).toBe(2048);
      }
      expect(remote?.body.applicant).toMatchObject({ name: applicantName });
    }
    const lookup = await k.worker.lookup(made[0]!.applicationNo);
    expect(lookup).toMatchObject({
      kind: 'ok',
      value: { state: 'received', acceptanceNo: expect.any(String) },
    });
  });

  it('retries a 500 and a dropped connection', async () => {
    const k = start();
    office.misbehave({ kind: 'status', status: 500 }, { times: 2 });
    office.misbehave({ kind: 'drop' }, { times: 2 });
    const made = k.enqueue(4, { attachments: 1 });
    k.worker.start();
    await until(allAccepted(k, 4), 15_000, 'four accepted');
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
    expect(readFileSync(join(k.dir, 'audit', 'audit.jsonl'), 'utf8')).toContain(
      'sync.back_office_unreachable',
    );
  });

  it('does not duplicate when the back office stored the application but answered 500 or garbage', async () => {
    const k = start();
    office.misbehave({ kind: 'fail-after-store' }, { times: 2, routes: ['applications'] });
    office.misbehave({ kind: 'garbage' }, { times: 1, routes: ['applications'] });
    const made = k.enqueue(3);
    k.worker.start();
    await until(allAccepted(k, 3), 15_000, 'three accepted');
    expect(office.requests().applications).toBeGreaterThanOrEqual(6);
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
  });

  it('retries an answer cut off mid-body, and the back office still stores it once', async () => {
    const k = start();
    office.misbehave({ kind: 'cut' }, { times: 2, routes: ['applications'] });
    const made = k.enqueue(2);
    k.worker.start();
    await until(allAccepted(k, 2), 15_000, 'two accepted');
    expect(office.requests().applications).toBeGreaterThanOrEqual(4);
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
  });

  it('gives up waiting on a slow answer, retries, and still stores it once', async () => {
    const k = start({ sync: { requestTimeoutMs: 500 } });
    office.misbehave({ kind: 'slow', delayMs: 1200 }, { times: 1, routes: ['applications'] });
    const made = k.enqueue(1);
    k.worker.start();
    await until(allAccepted(k, 1), 15_000, 'accepted');
    // Let the slow request finish on the server too: it must find the key the retry stored.
    await until(() => office.handling() === 0, 15_000, 'the slow request to finish');
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
  });

  it('honours Retry-After on 429', async () => {
    const k = start();
    office.misbehave(
      { kind: 'throttle', retryAfterSeconds: 1 },
      { times: 1, routes: ['applications'] },
    );
    k.enqueue(1);
    const started = performance.now();
    k.worker.start();
    await until(allAccepted(k, 1), 15_000, 'accepted');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('keeps a rejected application with the back office reason, and purges it', async () => {
    const k = start();
    office.misbehave(
      { kind: 'reject', reason: '该事项本所暂不受理' },
      { routes: ['applications'] },
    );
    const [made] = k.enqueue(1);
    k.worker.start();
    await until(() => k.outbox.summary(k.clock.now()).counts.rejected === 1, 10_000, 'rejected');
    const local = k.store.findByNumber(made!.applicationNo);
    expect(local).toMatchObject({
      outboxState: 'rejected',
      rejectedReason: '该事项本所暂不受理',
      purged: true,
    });
    expect(office.stored()).toHaveLength(0);
  });

  it('refuses a server certificate from another CA and needs attention until it is fixed', async () => {
    office.useWrongCertificate(true);
    const k = start();
    const made = k.enqueue(2);
    k.worker.start();
    await until(
      () => k.outbox.summary(k.clock.now()).counts.needs_attention === 2,
      10_000,
      'needs attention',
    );
    expect(k.outbox.summary(k.clock.now()).lastError?.message).toMatch(/TLS|certificate/i);
    expect(office.stored()).toHaveLength(0);

    office.useWrongCertificate(false);
    expect(k.worker.syncNow()).toBe(2);
    await until(allAccepted(k, 2), 10_000, 'accepted after the fix');
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
  });

  it('is refused by the back office when its certificate names another kiosk', async () => {
    const k = start({ kioskId: 'KIOSK-T1', certKioskId: 'KIOSK-OTHER' });
    k.enqueue(1);
    k.worker.start();
    await until(
      () => k.outbox.summary(k.clock.now()).counts.needs_attention === 1,
      10_000,
      'needs attention',
    );
    expect(k.outbox.summary(k.clock.now()).lastError?.message).toMatch(/403/);
  });

  it('keeps everything while the back office is down, then delivers it all', async () => {
    await office.stop();
    const k = start();
    const made = k.enqueue(10, { attachments: 1 });
    k.worker.start();
    await until(
      () => k.store.findByNumber(made[0]!.applicationNo)!.attempts >= 3,
      10_000,
      'three attempts',
    );
    const summary = k.outbox.summary(k.clock.now());
    expect(summary.counts.accepted).toBe(0);
    expect(summary.counts.queued + summary.counts.sending).toBe(10);
    expect(summary.lastError?.message).toMatch(/ECONNREFUSED/);
    expect(k.worker.link().reachable).toBe(false);

    await office.start();
    await until(allAccepted(k, 10), 15_000, 'ten accepted after restart');
    expectExactlyOnce(
      k,
      made.map((m) => m.applicationNo),
    );
    expect(k.worker.link().reachable).toBe(true);
  });

  it('sends a heartbeat with queue depth and device health, and nothing personal', async () => {
    const k = start({ sync: { heartbeatSeconds: 5 } });
    office.misbehave({ kind: 'status', status: 503 }, { times: 100, routes: ['applications'] });
    k.enqueue(2);
    k.worker.start();
    await until(() => office.heartbeats().length >= 1, 10_000, 'a heartbeat');
    const beat = JSON.stringify(office.heartbeats()[0]);
    expect(beat).toContain('"devices"');
    expect(beat).toContain('"queue"');
    expect(beat).not.toContain(applicantName);
    expect(beat).not.toMatch(/\d{17}[\dX]/);
  });

  it('gives the back office an audit anchor that later catches a log rewritten on the kiosk', async () => {
    const k = start({ sync: { heartbeatSeconds: 5 } });
    k.audit.record('technician', 'sync.sync_now', { due: 0 });
    k.worker.start();
    await until(() => office.heartbeats().length >= 1, 10_000, 'a heartbeat');
    const { audit, anchorVerified } = office.heartbeats()[0] as {
      audit: { seq: number; hash: string };
      anchorVerified: boolean;
    };
    // Signed with the kiosk's own TLS key, checked against its client certificate.
    expect(anchorVerified).toBe(true);
    expect(audit.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(audit.seq).toBeLessThanOrEqual(k.audit.head()?.seq ?? -1);
    const anchor = `${audit.seq}:${audit.hash}`;
    const verify = async () => {
      const out: string[] = [];
      const code = await runCli(
        ['verify-audit', join(k.dir, 'audit'), '--anchor', anchor],
        {
          env: {},
          clock: k.clock,
          packaged: false,
          appRoot: join(__dirname, '..', '..'),
          dataDirFallback: k.dir,
          engineDir: '/nonexistent',
          exists: existsSync,
        },
        { out: (t) => out.push(t), err: (t) => out.push(t), stdin: () => '' },
      );
      return { code, text: out.join('\n') };
    };
    expect(await verify()).toMatchObject({
      code: 0,
      text: expect.stringContaining('matches') as unknown,
    });
    // Someone replaces the whole log with a consistent one of their own: its chain verifies, the anchor does not.
    await k.close();
    kiosk = null;
    rmSync(join(k.dir, 'audit'), { recursive: true });
    const forged = openAuditLog({
      path: join(k.dir, 'audit', 'audit.jsonl'),
      log: createLogger({ quiet: true }),
      clock: k.clock,
    });
    if (!forged.ok) throw new Error(forged.error.message);
    for (let i = 0; i <= audit.seq + 2; i += 1) forged.value.record('system', 'app.stop', {});
    forged.value.close();
    expect(await verify()).toMatchObject({
      code: 1,
      text: expect.stringContaining(`anchor ${audit.seq} does NOT match`) as unknown,
    });
  });

  it('hands the audit key to the back office once and erases it; a log rebuilt with recomputed hashes then fails verify-audit', async () => {
    const k = start({ sync: { heartbeatSeconds: 5 } });
    for (let i = 0; i < 6; i += 1) k.audit.record('technician', 'sync.sync_now', { due: i });
    expect(k.audit.pendingKeys()).toHaveLength(1);
    k.worker.start();
    await until(() => office.auditKeys('KIOSK-T1').length >= 1, 10_000, 'the key handed over');
    await until(() => k.audit.pendingKeys().length === 0, 10_000, 'the kiosk copy erased');
    expect(office.auditKeys('KIOSK-T1')).toHaveLength(1);
    await k.close();
    kiosk = null;
    const [epochKey] = office.auditKeys('KIOSK-T1');
    const live = join(k.dir, 'audit', 'audit.jsonl');
    expect(readFileSync(live, 'utf8')).toContain('"audit.key_handed_over"');
    const verify = async (...extra: string[]) => {
      const out: string[] = [];
      const code = await runCli(
        ['verify-audit', join(k.dir, 'audit'), ...extra],
        {
          env: {},
          clock: k.clock,
          packaged: false,
          appRoot: join(__dirname, '..', '..'),
          dataDirFallback: k.dir,
          engineDir: '/nonexistent',
          exists: existsSync,
        },
        { out: (t) => out.push(t), err: (t) => out.push(t), stdin: () => '' },
      );
      return { code, text: out.join('\n') };
    };
    const good = await verify('--key', epochKey!);
    expect(good.code).toBe(0);
    expect(good.text).toMatch(/keyed up to \d+/);

    // The attack: drop the third entry and rehash everything after it, as anyone with the file can.
    const entries = readFileSync(live, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    const kept = entries.filter((_, i) => i !== 2);
    let previous: { seq: number; hash: string } | null = null;
    const rebuilt = kept.map((entry) => {
      const base = {
        seq: previous === null ? 0 : previous.seq + 1,
        t: entry.t,
        actor: entry.actor,
        action: entry.action,
        fields: entry.fields,
        prev: previous?.hash ?? GENESIS,
      };
      const next = { ...base, hash: hashEntry(base), mac: entry.mac };
      previous = { seq: next.seq, hash: next.hash };
      return next;
    });
    writeFileSync(live, `${rebuilt.map((e) => JSON.stringify(e)).join('\n')}\n`);
    // Its hash chain is consistent again, and without the key that is all one can say.
    const unkeyed = await verify();
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.text).toContain('keyed: NOT checked');
    // With the key the back office holds, the rebuilt log fails at the entry that moved.
    const keyed = await verify('--key', epochKey!);
    expect(keyed.code).toBe(1);
    expect(keyed.text).toMatch(/seq 2's MAC does not verify/);
  });

  it('answers a status lookup from the back office with its state and reason', async () => {
    const k = start();
    const [made] = k.enqueue(1);
    k.worker.start();
    await until(allAccepted(k, 1), 10_000, 'accepted');
    office.setState(made!.applicationNo, 'needs_completion', '请补交户口簿首页复印件');
    expect(await k.worker.lookup(made!.applicationNo)).toMatchObject({
      kind: 'ok',
      value: { state: 'needs_completion', reason: '请补交户口簿首页复印件' },
    });
    expect(await k.worker.lookup('20261127-ZZZZZZ-Z')).toEqual({ kind: 'not_found' });
  });
});

describe('the kiosk data folder', () => {
  it('holds no name or ID number in clear text, in the database, its WAL, the logs or the audit log', async () => {
    const k = start();
    k.enqueue(5, { attachments: 1 });
    office.misbehave({ kind: 'status', status: 500 }, { times: 3 });
    k.worker.start();
    await until(allAccepted(k, 5), 15_000, 'accepted');
    const files = readdirSync(k.dir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const bytes = readFileSync(join(file.parentPath, file.name));
      expect(bytes.includes(Buffer.from(applicantName)), file.name).toBe(false);
      expect(/11010519880615\d{3}X/.test(bytes.toString('latin1')), file.name).toBe(false);
      expect(bytes.includes(Buffer.from('13800138000')), file.name).toBe(false);
    }
  });
});
