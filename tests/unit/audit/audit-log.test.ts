import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openAuditLog,
  verifyAuditFile,
  verifyAuditLog,
  verifyAuditTail,
} from '../../../electron/audit/audit-log';
import { scrubFields, type AuditActor, type AuditFields } from '../../../electron/audit/chain';
import { createLogger } from '../../../electron/shared/log';
import { seededRandom, testSeed } from '../../seeded-random';
import { testClock } from '../../test-clock';

const log = createLogger({ quiet: true });
const clock = testClock();
const fresh = () => join(mkdtempSync(join(tmpdir(), 'kiosk-audit-')), 'audit', 'audit.jsonl');

function write(path: string, n: number): void {
  const audit = openAuditLog({ path, log, clock });
  if (!audit.ok) throw new Error(audit.error.message);
  for (let i = 0; i < n; i += 1)
    audit.value.record('citizen', 'session.start', {
      session: `s-${i}`,
      service: 'passport-first',
    });
  audit.value.close();
}

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');

// Every new log opens with the entry that starts its key epoch (keys.ts): line 1, seq 0.

describe('audit log', () => {
  it('writes nothing after close, even when its descriptor number now belongs to another log', () => {
    const first = fresh();
    const audit = openAuditLog({ path: first, log, clock });
    if (!audit.ok) throw new Error(audit.error.message);
    audit.value.record('system', 'app.stop', {});
    audit.value.close();
    // The next file opened in this process may be given the same descriptor number.
    const second = fresh();
    write(second, 2);
    const other = openAuditLog({ path: second, log, clock });
    if (!other.ok) throw new Error(other.error.message);
    audit.value.record('system', 'device.state_changed', {
      device: 'printer-1',
      kind: 'printer',
      from: 'ready',
      to: 'fault',
      error: null,
    });
    audit.value.close();
    other.value.close();
    expect(lines(first)).toHaveLength(2);
    expect(readFileSync(second, 'utf8')).not.toContain('device.state_changed');
    expect(verifyAuditLog(second).ok).toBe(true);
  });

  it('chains entries across restarts and verifies', () => {
    const path = fresh();
    write(path, 3);
    write(path, 2);
    expect(verifyAuditFile(path)).toMatchObject({ ok: true, value: { entries: 6, tornLines: 0 } });
    expect(lines(path).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    // One epoch: the restart continued the key, it did not start another.
    expect(lines(path).filter((l) => l.includes('audit.key_epoch'))).toHaveLength(1);
  });

  it('detects a changed field, a removed line and swapped lines, naming the line', () => {
    const path = fresh();
    write(path, 5);
    const original = lines(path);

    writeFileSync(
      path,
      `${original.map((l, i) => (i === 3 ? l.replace('s-2', 's-9') : l)).join('\n')}\n`,
    );
    expect(verifyAuditFile(path)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/line 4: .*changed/) },
    });

    writeFileSync(path, `${original.filter((_, i) => i !== 2).join('\n')}\n`);
    expect(verifyAuditFile(path)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/line 3: sequence 3, expected 2/) },
    });

    const swapped = [...original];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    writeFileSync(path, `${swapped.join('\n')}\n`);
    expect(verifyAuditFile(path).ok).toBe(false);

    // Re-hashing a changed line is not enough: the next line still points at the old hash.
    writeFileSync(path, `${original.slice(0, 4).join('\n')}\n`);
    expect(verifyAuditFile(path).ok).toBe(true);
  });

  it('tells a line torn by a power cut from tampering, and closes it on the next start', () => {
    const path = fresh();
    write(path, 2);
    appendFileSync(path, '{"seq":3,"t":"2026-11-27T');
    expect(verifyAuditFile(path)).toMatchObject({ ok: true, value: { entries: 3, tornLines: 1 } });
    write(path, 1);
    expect(verifyAuditFile(path)).toMatchObject({ ok: true, value: { entries: 5, tornLines: 1 } });
    expect(readFileSync(path, 'utf8')).toContain('audit.torn_line_closed');

    // The same unreadable line in the middle, without the closing entry, is tampering.
    const text = lines(path).filter((l) => !l.includes('audit.torn_line_closed'));
    writeFileSync(path, `${text.join('\n')}\n`);
    expect(verifyAuditFile(path).ok).toBe(false);
  });

  it('never writes an ID number or a mobile number, even when a caller passes one', () => {
    const path = fresh();
    const audit = openAuditLog({ path, log, clock });
    if (!audit.ok) throw new Error(audit.error.message);
    // The catalogue's types refuse such a field; a cast (or plain JavaScript) gets past them, the scrub does not.
    const untyped = audit.value as unknown as {
      record(actor: AuditActor, action: string, fields: AuditFields): void;
    };
    untyped.record('guide', 'guide.note', {
      note: '身份证 11010519491231002X',
      phone: '13800138000',
      ok: 'fine',
    });
    audit.value.close();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('"ok":"fine"');
    expect(verifyAuditFile(path).ok).toBe(true);
  });

  it('keeps every session id: 100,000 random UUIDs go through the scrubber untouched', () => {
    const random = seededRandom(testSeed('uuid scrubber'));
    const hex = () => Math.floor(random() * 16).toString(16);
    const uuid = () =>
      [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, hex).join('')).join('-');
    const lost: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const id = uuid();
      if (scrubFields({ session: id }).scrubbed > 0) lost.push(id);
    }
    // And the ones that used to be lost: a last group of a letter and 11 digits like a mobile number.
    for (const id of [
      '0e6f5b7a-2c1d-4e8f-9a3b-a13912345678',
      '5c9d1e2f-3a4b-4c5d-8e6f-13812345678b',
    ])
      if (scrubFields({ session: id }).scrubbed > 0) lost.push(id);
    expect(lost).toEqual([]);
    // A number written in Chinese text or after a label is still removed.
    expect(scrubFields({ note: '电话13800138000' }).scrubbed).toBe(1);
    expect(scrubFields({ note: 'tel:13800138000,' }).scrubbed).toBe(1);
  });

  it('keeps going on a broken chain, recording that it found one', () => {
    const path = fresh();
    write(path, 3);
    const text = lines(path);
    writeFileSync(path, `${[text[0], text[1], text[3]].join('\n')}\n`);
    write(path, 1);
    expect(readFileSync(path, 'utf8')).toContain('audit.chain_broken_found');
    expect(verifyAuditFile(path).ok).toBe(false);
  });

  it('rotates into sealed segments that chain on, and verifies the whole log across them', () => {
    const path = fresh();
    const small = { path, log, clock, segmentBytes: 2048 };
    const audit = openAuditLog(small);
    if (!audit.ok) throw new Error(audit.error.message);
    for (let i = 0; i < 40; i += 1)
      audit.value.record('sync', 'sync.resumed_after_interruption', { count: i });
    const head = audit.value.head();
    audit.value.close();
    const sealed = readdirSync(dirname(path)).filter((n) => /^audit\.\d{12}\.jsonl$/.test(n));
    expect(sealed.length).toBeGreaterThan(3);
    const whole = verifyAuditLog(path);
    // 40 entries plus one "segment started" entry per rotation, and the epoch's first.
    expect(whole).toMatchObject({
      ok: true,
      value: { entries: 41 + sealed.length, segments: sealed.length + 1, head },
    });
    // A sealed segment in the middle removed: the next one no longer chains.
    rmSync(join(dirname(path), sealed[1] ?? ''));
    expect(verifyAuditLog(path)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^audit\.\d{12}\.jsonl line 1: .*sequence/) as unknown,
      },
    });
  });

  it('starts reading only the live segment: older segments that cannot be read do not stop it', () => {
    const path = fresh();
    const audit = openAuditLog({ path, log, clock, segmentBytes: 1024 });
    if (!audit.ok) throw new Error(audit.error.message);
    for (let i = 0; i < 30; i += 1)
      audit.value.record('sync', 'sync.resumed_after_interruption', { count: i });
    audit.value.close();
    const dir = dirname(path);
    const sealed = readdirSync(dir)
      .filter((n) => /^audit\.\d{12}\.jsonl$/.test(n))
      .sort();
    // Every sealed segment made unreadable (even for root): a folder where the file was.
    for (const name of sealed) {
      rmSync(join(dir, name));
      mkdirSync(join(dir, name));
    }
    const again = openAuditLog({ path, log, clock });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    again.value.record('system', 'app.stop', {});
    again.value.close();
    const tail = verifyAuditTail(path);
    expect(tail).toMatchObject({ ok: true, value: { linkChecked: false } });
    expect(readFileSync(path, 'utf8')).toContain('audit.previous_segment_unreadable');
  });
});
