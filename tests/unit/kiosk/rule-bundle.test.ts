import { serviceId } from '../../service-id';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../rules/node/bundle-files';
import { loadRuleSet, type RulePolicy } from '../../../electron/kiosk/rule-files';
import {
  copyShippedRules,
  setFirstFee,
  signRules,
  testAuthority,
  trustedKey,
  type TestAuthority,
} from '../../rule-bundles';

/** A copy of the shipped rules, and a data folder beside it. */
function shippedRules(): { rules: string; data: string } {
  const rules = copyShippedRules();
  return { rules, data: join(dirname(rules), 'data') };
}

const policy = (data: string, keys: readonly TestAuthority[]): RulePolicy => ({
  signature: 'required',
  trustedKeys: keys.map(trustedKey),
  goodBundleDir: join(data, 'rules-bundle'),
  incomingDir: join(data, 'rules-incoming'),
});

const passportFee = (set: ReturnType<typeof loadRuleSet>): number | undefined =>
  set.rules.get(serviceId('passport-first'))?.rule.fee.items[0]?.amount;

const setPassportFee = (rules: string, amount: number): void =>
  setFirstFee(rules, 'passport-first', amount);

describe('signed rule bundles (a kiosk that requires signatures)', () => {
  const office = testAuthority('city-2026');

  it('serves a bundle signed by a trusted key, with its version and reviewer, calendar included', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1', '示例派出所 法制员');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(set.problems).toEqual([]);
    expect(set.rules.size).toBeGreaterThanOrEqual(16);
    expect(set.bundle).toMatchObject({
      version: '2026.12.1',
      reviewedBy: '示例派出所 法制员',
      source: 'current',
      keyId: 'city-2026',
    });
    expect(set.calendarYears.map((y) => y.year)).toEqual([2026, 2027]);
    expect(existsSync(join(data, 'rules-bundle', 'bundle.json'))).toBe(true);
  });

  it('refuses a fee changed after signing, says which file, and keeps serving the last good bundle', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    setPassportFee(rules, 140);
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(120);
    expect(set.bundle).toMatchObject({ version: '2026.12.1', source: 'last-good' });
    expect(set.problems).toEqual([
      {
        file: 'bundle.json',
        action: 'using-last-good',
        problems: [
          {
            path: '$.files["services/passport-first.json"]',
            message: 'services/passport-first.json was changed after the bundle was signed',
          },
        ],
      },
    ]);
  });

  it('applies the same change once it is re-signed with a newer version', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    setPassportFee(rules, 140);
    signRules(rules, office, '2026.12.2');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(set.problems).toEqual([]);
    expect(passportFee(set)).toBe(140);
    expect(set.bundle).toMatchObject({ version: '2026.12.2', source: 'current' });
  });

  it('refuses a re-signed change that kept the old version number', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    setPassportFee(rules, 140);
    signRules(rules, office, '2026.12.1');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(120);
    expect(set.problems[0]?.problems[0]?.message).toMatch(/already applied with other contents/);
  });

  it('keeps a newer bundle when the folder holds an older one (no rollback), without calling it a fault', () => {
    const { rules, data } = shippedRules();
    setPassportFee(rules, 140);
    signRules(rules, office, '2026.12.5');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    setPassportFee(rules, 120);
    signRules(rules, office, '2026.12.4');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(140);
    expect(set.bundle).toMatchObject({ version: '2026.12.5', source: 'last-good' });
    expect(set.problems).toEqual([]);
  });

  it('serves nothing from an unsigned folder with no good bundle, and says why', () => {
    const { rules, data } = shippedRules();
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(set.rules.size).toBe(0);
    expect(set.bundle).toBeNull();
    expect(set.problems).toEqual([
      {
        file: 'bundle.json',
        action: 'refused',
        problems: [{ path: '$', message: 'unsigned: no bundle.json' }],
      },
    ]);
  });

  it('refuses a bundle signed by a key the kiosk does not trust', () => {
    const { rules, data } = shippedRules();
    signRules(rules, testAuthority('someone-else'), '2026.12.1');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(set.rules.size).toBe(0);
    expect(set.problems[0]?.problems[0]?.message).toBe(
      'signed with key "someone-else", which this kiosk does not trust',
    );
  });

  it('refuses a service file added after signing, and a changed holiday calendar', () => {
    const { rules } = shippedRules();
    signRules(rules, office, '2026.12.1');
    cpSync(
      join(rules, 'services', 'passport-first.json'),
      join(rules, 'services', 'passport-x.json'),
    );
    const calendar = join(rules, 'calendar', 'holidays-2027.json');
    writeFileSync(calendar, readFileSync(calendar, 'utf8').replace('"2027-10-03"', '"2027-10-04"'));
    const result = verifyBundle(rules, [office], null);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'calendar/holidays-2027.json was changed after the bundle was signed',
      'services/passport-x.json is not part of the signed bundle',
    ]);
  });

  it('refuses a bundle nobody reviewed, even when it is signed', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1', ' ');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(set.rules.size).toBe(0);
    expect(set.problems[0]?.problems).toContainEqual({
      path: '$.reviewedBy',
      message: 'a bundle needs reviewedBy: who checked these rules',
    });
  });

  it('applies a newer bundle delivered to the incoming folder, then removes it', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    const incoming = join(data, 'rules-incoming');
    for (const part of ['services', 'calendar', 'common.json'])
      cpSync(join(rules, part), join(incoming, part), { recursive: true });
    setPassportFee(incoming, 150);
    signRules(incoming, office, '2026.12.3');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(150);
    expect(set.bundle).toMatchObject({ version: '2026.12.3', source: 'incoming' });
    expect(existsSync(incoming)).toBe(false);
    // Applied means kept: the next start serves it from the good copy.
    const next = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(next)).toBe(150);
    expect(next.problems).toEqual([]);
  });

  it('removes a refused incoming bundle, so it is not tried and reported at every start', () => {
    const { rules, data } = shippedRules();
    signRules(rules, office, '2026.12.1');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    const incoming = join(data, 'rules-incoming');
    for (const part of ['services', 'calendar', 'common.json'])
      cpSync(join(rules, part), join(incoming, part), { recursive: true });
    signRules(incoming, office, '2026.12.3');
    setPassportFee(incoming, 150);
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(120);
    expect(set.problems[0]?.file).toBe('incoming/bundle.json');
    expect(existsSync(incoming)).toBe(false);
    expect(loadRuleSet(rules, join(data, 'last'), policy(data, [office])).problems).toEqual([]);
  });

  it('finds its last good bundle again after a power cut between the two renames of a copy', () => {
    const { rules, data } = shippedRules();
    setPassportFee(rules, 140);
    signRules(rules, office, '2026.12.5');
    loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    renameSync(join(data, 'rules-bundle'), join(data, 'rules-bundle.old'));
    // An older signed folder must not win just because the good copy is not where it was.
    setPassportFee(rules, 120);
    signRules(rules, office, '2026.12.4');
    const set = loadRuleSet(rules, join(data, 'last'), policy(data, [office]));
    expect(passportFee(set)).toBe(140);
    expect(set.bundle).toMatchObject({ version: '2026.12.5', source: 'last-good' });
  });
});
