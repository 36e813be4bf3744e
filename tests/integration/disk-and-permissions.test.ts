import { pollUntil } from '../poll';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../electron/audit/audit-log';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { demoConfig } from '../e2e/kiosk-process';
import { buildKioskChild, RULES, spawnKioskChild, type KioskChild } from './kiosk-child-process';
import { testPki } from './sync-harness';

/**
 * A real full disk and real permissions. The kiosk runs in a child process
 * with its data folder on a 16 MB tmpfs of its own (a mount namespace, so
 * nothing outside sees it), fills that disk while applications are queued
 * and the back office is coming back, and must stay alive, keep its audit
 * chain whole and deliver everything once space returns. Permissions are
 * tested as root without the capabilities that let root ignore file modes.
 */
const canMount = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt']).status === 0;
const canDropCaps = spawnSync('setpriv', ['--bounding-set=-dac_override', 'true']).status === 0;
if (!canMount)
  process.stdout.write(
    'disk-full tests skipped: this machine cannot mount a tmpfs (needs root and unshare)\n',
  );
if (!canDropCaps)
  process.stdout.write('permission tests skipped: setpriv cannot drop capabilities here\n');

const KIOSK_ID = 'DISK-01';
let office: BackOffice;
let childFile = '';
let configFile = '';

beforeAll(async () => {
  childFile = await buildKioskChild();
  office = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'disk-backoffice-')),
    pki: testPki(),
  });
  const client = testPki().client(KIOSK_ID);
  configFile = join(mkdtempSync(join(tmpdir(), 'disk-config-')), 'kiosk.json');
  writeFileSync(
    configFile,
    JSON.stringify(
      demoConfig({
        kioskId: KIOSK_ID,
        backOffice: {
          url: office.url,
          caFile: testPki().caFile,
          certFile: client.certFile,
          keyFile: client.keyFile,
        },
        sync: {
          retryBaseMs: 100,
          retryCapMs: 500,
          heartbeatSeconds: 3600,
          requestTimeoutMs: 20000,
          statusTimeoutMs: 1500,
        },
        storage: { minFreeMb: 1, allowKeyFile: true },
      }),
    ),
  );
}, 60_000);
afterAll(async () => {
  await office.stop();
});

/** The kiosk on a tmpfs of `size` mounted at a fresh folder; `fillFirst` fills it before the kiosk starts. */
function onSmallDisk(exportDir: string, count: number, fillFirst = false): KioskChild {
  const mount = mkdtempSync(join(tmpdir(), 'disk-mnt-'));
  const fill = fillFirst ? 'dd if=/dev/zero of="$0/filler" bs=64k 2>/dev/null; ' : '';
  return spawnKioskChild(
    childFile,
    [join(mount, 'data'), RULES, String(count), configFile, exportDir],
    [
      'unshare',
      '-m',
      'sh',
      '-c',
      `mount -t tmpfs -o size=16m,mode=0700 tmpfs "$0" && ${fill}exec "$@"`,
      mount,
    ],
  );
}

interface Status {
  readonly store: {
    readonly applications: number;
    readonly queued: number;
    readonly auditWaiting: number;
  };
}
async function status(kiosk: KioskChild): Promise<Status> {
  kiosk.send('status');
  return JSON.parse((await kiosk.next(['STATUS '])).slice('STATUS '.length)) as Status;
}
const until = (what: string, test: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> =>
  pollUntil(what, test, { timeoutMs, everyMs: 250, why: 'the child process runs on its own time' });

describe.skipIf(!canMount)('a full disk', () => {
  it('during submissions and during sync: alive, audit chain whole, everything delivered once space returns', async () => {
    const exportDir = join(mkdtempSync(join(tmpdir(), 'disk-export-')), 'data');
    // The back office stores the first three and holds its answers: the kiosk is waiting on them.
    office.misbehave({ kind: 'hold' }, { times: 3, routes: ['applications'] });
    const kiosk = onSmallDisk(exportDir, 3);
    const stored: string[] = [];
    for (
      let line = await kiosk.next(['STORED ', 'IDLE']);
      line !== 'IDLE';
      line = await kiosk.next(['STORED ', 'IDLE'])
    )
      stored.push(line.slice('STORED '.length));
    expect(stored).toHaveLength(3);

    await until('the back office holds the three', async () => office.holding() === 3).catch(
      (e: unknown) => {
        throw new Error(
          `${String(e)} holding=${office.holding()} stored=${office.stored().length} ${kiosk.stderr().slice(-3000)}`,
        );
      },
    );
    kiosk.send('fill');
    await kiosk.next(['FILLED']);
    // A citizen submitting now is told the kiosk is full, and nothing is half-stored.
    kiosk.send('submit');
    expect(await kiosk.next(['STORED ', 'REFUSED_SUBMIT '])).toBe('REFUSED_SUBMIT disk_full');
    // The answers arrive while the disk is full: the kiosk cannot write down that they were accepted.
    office.release();
    await until('sync met the full disk', async () => {
      return kiosk.stderr().includes('"sync.storage_refused"');
    });
    // Citizens come and go meanwhile (each session two audit entries): they wait in memory for the disk.
    kiosk.send('sessions 40');
    await kiosk.next(['SESSIONS']);
    // The process is alive and still holds the three, with audit entries waiting for the disk.
    const full = await status(kiosk);
    expect(full.store.applications).toBe(3);
    expect(full.store.queued).toBe(3);
    expect(full.store.auditWaiting).toBeGreaterThan(0);

    kiosk.send('free');
    await kiosk.next(['FREED']);
    await until('the queue drains', async () => (await status(kiosk)).store.queued === 0);
    expect((await status(kiosk)).store.auditWaiting).toBe(0);
    kiosk.send('submit');
    const fourth = await kiosk.next(['STORED ', 'REFUSED_SUBMIT ']);
    expect(fourth).toMatch(/^STORED /);
    stored.push(fourth.slice('STORED '.length));
    await until('the fourth is accepted', async () => (await status(kiosk)).store.queued === 0);
    kiosk.send('stop');
    expect(await kiosk.exited).toBe(0);

    // Each application at the back office exactly once.
    const numbers = office
      .stored()
      .map((r) => r.body.applicationNo)
      .filter((n) => stored.includes(n));
    expect(numbers.sort()).toEqual([...stored].sort());
    // The audit chain is whole: no half line, nothing torn, the entries made while full written in order.
    const audit = verifyAuditLog(join(exportDir, 'audit', 'audit.jsonl'));
    expect(audit).toMatchObject({ ok: true, value: { tornLines: 0 } });
    const text = readFileSync(join(exportDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(text.match(/"sync\.accepted"/g)).toHaveLength(4);
    // What the journal shows the technician (stderr): the refusals, and the recovery.
    expect(kiosk.stderr()).toContain('"audit.write_failed"');
    expect(kiosk.stderr()).toContain('"audit.write_resumed"');
    expect(kiosk.stderr()).toContain('"sync.storage_recovered"');
  }, 120_000);

  it('at start-up on a full disk: out of service saying the disk is full, not that the database is damaged', async () => {
    const kiosk = onSmallDisk(join(mkdtempSync(join(tmpdir(), 'disk-export-')), 'data'), 0, true);
    const refused = await kiosk.next(['REFUSED ', 'IDLE']);
    expect(refused).toMatch(/^REFUSED \w+\/disk_full /);
    expect(refused).toContain('is full');
    expect(refused).not.toMatch(/damaged/);
    await kiosk.exited;
  }, 60_000);
});

describe.skipIf(!canDropCaps)('wrong permissions', () => {
  /** A kiosk with one application, then the permission changed, then started without root's override. */
  async function startWith(change: (dataDir: string) => void): Promise<string> {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'perm-')), 'data');
    const first = spawnKioskChild(childFile, [dataDir, RULES, '1']);
    await first.next(['IDLE']);
    first.send('stop');
    await first.exited;
    change(dataDir);
    const again = spawnKioskChild(
      childFile,
      [dataDir, RULES, '0'],
      ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner'],
    );
    const line = await again.next(['REFUSED ', 'IDLE']);
    if (line === 'IDLE') again.send('stop');
    await again.exited;
    return line;
  }

  it('database 000 and 0400, and a read-only data folder: "permission denied" with the mode needed, never "damaged"', async () => {
    for (const [what, change] of [
      ['database 000', (d: string) => chmodSync(join(d, 'kiosk.sqlite'), 0o000)],
      ['database 0400', (d: string) => chmodSync(join(d, 'kiosk.sqlite'), 0o400)],
      ['data folder 0500', (d: string) => chmodSync(d, 0o500)],
    ] as const) {
      const line = await startWith(change);
      expect(line, what).toMatch(/^REFUSED \w+\/permission_denied /);
      expect(line, what).toMatch(/needs 0[67]00/);
      expect(line, what).not.toMatch(/damaged|stack|\n\s+at /);
    }
  }, 120_000);
});
