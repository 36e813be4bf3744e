import { serviceId } from '../../service-id';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleSet, type RulePolicy } from '../../../electron/kiosk/rule-files';
import {
  copyShippedRules,
  setFirstFee,
  signRules,
  testAuthority,
  trustedKey,
} from '../../rule-bundles';

/**
 * A local attacker with the kiosk user's file access swaps a signed rule file
 * after it was checked: a FIFO that serves the signed bytes to the first read
 * and edited bytes to the next, or a symlink flipped between a signed and an
 * edited copy. The kiosk reads each file once, refuses anything that is not a
 * regular file, and parses the bytes it verified.
 */
const office = testAuthority('city-2026');
const writers: ChildProcess[] = [];
afterEach(() => {
  for (const w of writers.splice(0)) w.kill('SIGKILL');
});

const policy = (data: string): RulePolicy => ({
  signature: 'required',
  trustedKeys: [trustedKey(office)],
  goodBundleDir: join(data, 'rules-bundle'),
  incomingDir: join(data, 'rules-incoming'),
});

const passportFee = (set: ReturnType<typeof loadRuleSet>): number | undefined =>
  set.rules.get(serviceId('passport-first'))?.rule.fee.items[0]?.amount;

/** A kiosk that applied signed 2026.12.1 (fee 120), and a signed 2026.12.2 (fee 130) waiting in incoming. */
function kioskWithIncoming(): { rules: string; data: string; incoming: string } {
  const rules = copyShippedRules();
  const data = join(dirname(rules), 'data');
  signRules(rules, office, '2026.12.1');
  loadRuleSet(rules, join(data, 'last'), policy(data));
  const incoming = join(data, 'rules-incoming');
  for (const part of ['services', 'calendar', 'common.json'])
    cpSync(join(rules, part), join(incoming, part), { recursive: true });
  setFirstFee(incoming, 'passport-first', 130);
  signRules(incoming, office, '2026.12.2');
  return { rules, data, incoming };
}

/** Replaces `file` by a FIFO whose writer serves `first` to the first reader and `then` to every later one. */
function swapForFifo(file: string, first: Buffer, then: Buffer): void {
  const a = join(mkdtempSync(join(tmpdir(), 'fifo-')), 'a');
  const b = `${a}.b`;
  writeFileSync(a, first);
  writeFileSync(b, then);
  rmSync(file);
  execFileSync('mkfifo', [file]);
  const writer = spawn(
    process.execPath,
    [
      '-e',
      `const fs=require('fs');let n=0;for(;;){const fd=fs.openSync(${JSON.stringify(file)},'w');fs.writeSync(fd,fs.readFileSync(n++===0?${JSON.stringify(a)}:${JSON.stringify(b)}));fs.closeSync(fd);}`,
    ],
    { stdio: 'ignore' },
  );
  writers.push(writer);
}

const edited = (file: string, amount: number): Buffer => {
  const rule = JSON.parse(readFileSync(file, 'utf8')) as { fee: { items: { amount: number }[] } };
  rule.fee.items[0]!.amount = amount;
  return Buffer.from(JSON.stringify(rule, null, 2));
};

describe('signed rules swapped after their check (a local attacker)', () => {
  it('refuses a FIFO in the incoming bundle that would serve signed bytes, then edited ones', () => {
    const { rules, data, incoming } = kioskWithIncoming();
    const file = join(incoming, 'services', 'passport-first.json');
    const signed = readFileSync(file);
    swapForFifo(file, signed, edited(file, 1));
    const set = loadRuleSet(rules, join(data, 'last'), policy(data));
    expect(passportFee(set)).toBe(120);
    expect(set.bundle).toMatchObject({ version: '2026.12.1' });
    const refusal = set.problems.find((p) => p.file === 'incoming/bundle.json');
    expect(refusal?.problems[0]?.message).toMatch(
      /services\/passport-first\.json: not a regular file/,
    );
  });

  it('refuses a symlink in the incoming bundle, whichever copy it points at when read', () => {
    const { rules, data, incoming } = kioskWithIncoming();
    const file = join(incoming, 'services', 'passport-first.json');
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'link-')), 'passport-first.json');
    renameSync(file, elsewhere);
    // Points at the very bytes that were signed: refused all the same, since the target can flip.
    symlinkSync(elsewhere, file);
    const set = loadRuleSet(rules, join(data, 'last'), policy(data));
    expect(passportFee(set)).toBe(120);
    expect(
      set.problems.find((p) => p.file === 'incoming/bundle.json')?.problems[0]?.message,
    ).toMatch(/passport-first\.json: a symbolic link/);
  });

  it('refuses a symlinked services/ folder in the incoming bundle', () => {
    const { rules, data, incoming } = kioskWithIncoming();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'link-')), 'services');
    renameSync(join(incoming, 'services'), elsewhere);
    symlinkSync(elsewhere, join(incoming, 'services'));
    const set = loadRuleSet(rules, join(data, 'last'), policy(data));
    expect(passportFee(set)).toBe(120);
    expect(
      set.problems.find((p) => p.file === 'incoming/bundle.json')?.problems[0]?.message,
    ).toMatch(/services\/: a symbolic link/);
  });

  it('refuses a FIFO and a symlink in the good copy (rules-bundle), and serves what verified', () => {
    const rules = copyShippedRules();
    const data = join(dirname(rules), 'data');
    setFirstFee(rules, 'passport-first', 140);
    signRules(rules, office, '2026.12.3');
    expect(passportFee(loadRuleSet(rules, join(data, 'last'), policy(data)))).toBe(140);
    // The package's own folder goes back to an older signed bundle; the good copy is attacked.
    setFirstFee(rules, 'passport-first', 120);
    signRules(rules, office, '2026.12.1');
    const good = join(data, 'rules-bundle', 'services', 'passport-first.json');
    swapForFifo(good, readFileSync(good), edited(good, 1));
    const fifo = loadRuleSet(rules, join(data, 'last'), policy(data));
    expect(passportFee(fifo)).not.toBe(1);
    expect(fifo.problems.map((p) => p.file)).toContain('last-good/bundle.json');

    writers.splice(0).forEach((w) => w.kill('SIGKILL'));
    rmSync(good);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'link-')), 'p.json');
    writeFileSync(elsewhere, edited(join(rules, 'services', 'passport-first.json'), 1));
    symlinkSync(elsewhere, good);
    const link = loadRuleSet(rules, join(data, 'last'), policy(data));
    expect(passportFee(link)).not.toBe(1);
    expect(
      link.problems.find((p) => p.file === 'last-good/bundle.json')?.problems[0]?.message,
    ).toMatch(/a symbolic link/);
  });
});
