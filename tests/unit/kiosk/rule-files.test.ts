import { serviceId } from '../../service-id';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../../electron/kiosk/rule-files';

const ROOT = join(__dirname, '..', '..', '..');
/** Every service a station ships: one file each in rules/services. */
const SHIPPED = readdirSync(join(ROOT, 'rules', 'services'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

function copyRules(): { rules: string; lastGood: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-rules-'));
  cpSync(join(ROOT, 'rules', 'services'), join(dir, 'rules', 'services'), { recursive: true });
  cpSync(join(ROOT, 'rules', 'common.json'), join(dir, 'rules', 'common.json'));
  cpSync(join(ROOT, 'rules', 'calendar'), join(dir, 'rules', 'calendar'), { recursive: true });
  return { rules: join(dir, 'rules'), lastGood: join(dir, 'data', 'rules-last-good') };
}

describe('loading rule files at start-up', () => {
  it('loads every shipped service (twenty-four and more) merged with the common green-channel question', () => {
    const { rules, lastGood } = copyRules();
    const set = loadRuleSet(rules, lastGood);
    expect(set.problems).toEqual([]);
    expect(SHIPPED.length).toBeGreaterThanOrEqual(24);
    expect([...set.rules.keys()].sort()).toEqual(SHIPPED);
    const passport = set.rules.get(serviceId('passport-first'))!;
    expect(passport.rule.questions.at(-1)?.id).toBe('specialNeed');
    expect(passport.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the last good version of a file a station broke, and says which file and why', () => {
    const { rules, lastGood } = copyRules();
    loadRuleSet(rules, lastGood);
    const file = join(rules, 'services', 'passport-first.json');
    const broken = JSON.parse(readFileSync(file, 'utf8')) as {
      fee: { items: { amount: number }[] };
    };
    broken.fee.items[0]!.amount = -5;
    writeFileSync(file, JSON.stringify(broken));
    const set = loadRuleSet(rules, lastGood);
    expect(set.rules.get(serviceId('passport-first'))?.source).toBe('last-good');
    expect(set.rules.get(serviceId('passport-first'))?.rule.fee.items[0]?.amount).toBe(120);
    expect(set.problems).toEqual([
      {
        file: 'services/passport-first.json',
        action: 'using-last-good',
        problems: [expect.objectContaining({ path: '$.fee.items[0].amount' })],
      },
    ]);
  });

  it('refuses a broken file with no good copy: citizens never see it', () => {
    const { rules, lastGood } = copyRules();
    writeFileSync(join(rules, 'services', 'no-criminal-record.json'), '{ not json');
    const set = loadRuleSet(rules, lastGood);
    expect(set.rules.has(serviceId('no-criminal-record'))).toBe(false);
    expect(set.problems[0]).toMatchObject({
      file: 'services/no-criminal-record.json',
      action: 'refused',
    });
    expect(set.rules.size).toBe(SHIPPED.length - 1);
  });

  it('records a new hash when a station changes a fee', () => {
    const { rules, lastGood } = copyRules();
    const before = loadRuleSet(rules, lastGood).rules.get(serviceId('passport-first'))!.hash;
    const file = join(rules, 'services', 'passport-first.json');
    const changed = JSON.parse(readFileSync(file, 'utf8')) as {
      version: string;
      fee: { items: { amount: number }[] };
    };
    changed.fee.items[0]!.amount = 140;
    changed.version = '2026.12.1';
    writeFileSync(file, JSON.stringify(changed, null, 2));
    const after = loadRuleSet(rules, lastGood).rules.get(serviceId('passport-first'))!;
    expect(after.hash).not.toBe(before);
    expect(after.rule.fee.items[0]?.amount).toBe(140);
    expect(after.source).toBe('current');
  });
});

describe('hostile rule files', () => {
  it('refuses a folder named like a rule file, a file nested 3,000 deep and a pattern that backtracks, and loads the rest', () => {
    const { rules, lastGood } = copyRules();
    mkdirSync(join(rules, 'services', 'x.json'));
    // Written as text: even JSON.stringify would overflow its stack on a value this deep.
    const deep = `${'{"and":['.repeat(3000)}{"==":[1,1]}${']}'.repeat(3000)}`;
    const file = join(rules, 'services', 'no-criminal-record.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{', `{ "deep": ${deep},`));
    expect(readFileSync(file, 'utf8')).toContain('"deep": {"and"');
    const endorsement = join(rules, 'services', 'hk-macau-endorsement.json');
    const text = readFileSync(endorsement, 'utf8').replace(
      /"pattern": "[^"]*"/,
      '"pattern": "(?:[0-9A-Za-z]+)+"',
    );
    expect(text).toContain('(?:[0-9A-Za-z]+)+');
    writeFileSync(endorsement, text);

    const set = loadRuleSet(rules, lastGood);
    const byFile = new Map(set.problems.map((p) => [p.file, p.problems[0]?.message ?? '']));
    expect(byFile.get('services/x.json')).toMatch(/cannot be read: not a regular file/);
    expect(byFile.get('services/no-criminal-record.json')).toMatch(/nests \d+ levels deep/);
    expect(byFile.get('services/hk-macau-endorsement.json')).toMatch(
      /repeats a part that repeats itself/,
    );
    expect([...set.rules.keys()].sort()).toEqual(
      SHIPPED.filter((id) => !['no-criminal-record', 'hk-macau-endorsement'].includes(id)),
    );
  });
});
