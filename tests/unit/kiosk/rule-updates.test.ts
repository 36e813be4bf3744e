import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../electron/audit/audit-log';
import { createRuleUpdater } from '../../../electron/kiosk/rule-updates';
import { createLogger } from '../../../electron/shared/log';
import type { RulesDownload } from '../../../electron/sync/protocol';
import { rulesDownloadOf } from '../../backoffice/rules-download';
import { copyShippedRules, signRules, testAuthority, trustedKey } from '../../rule-bundles';
import { testClock } from '../../test-clock';

const log = createLogger({ quiet: true });
const authority = testAuthority('city-2026');
const trusted = trustedKey(authority);

/** A bundle as the back office sends it, signed with the test authority's key. */
function download(version: string): NonNullable<RulesDownload['bundle']> {
  const dir = copyShippedRules();
  signRules(dir, authority, version, '审核员');
  return rulesDownloadOf(dir);
}

function updater(
  answer: RulesDownload['bundle'],
  options: { session?: () => boolean; loads?: boolean } = {},
) {
  const data = mkdtempSync(join(tmpdir(), 'rule-updates-'));
  const auditPath = join(data, 'audit', 'audit.jsonl');
  const audit = openAuditLog({ path: auditPath, log, clock: testClock() });
  if (!audit.ok) throw new Error(audit.error.message);
  const applied: number[] = [];
  const asked: (string | null)[] = [];
  const incomingDir = join(data, 'rules-incoming');
  const rules = createRuleUpdater({
    fetch: async (after) => {
      asked.push(after);
      return { kind: 'ok', value: { bundle: answer } };
    },
    policy: {
      signature: 'required',
      trustedKeys: [trusted],
      goodBundleDir: join(data, 'rules-bundle'),
      incomingDir,
    },
    currentVersion: () => '2026.12.1',
    sessionActive: options.session ?? (() => false),
    apply: () => {
      applied.push(1);
      return options.loads === false ? '2026.12.1' : (answer?.version ?? null);
    },
    refusedFile: join(data, 'rules-refused.json'),
    log,
    audit: audit.value,
  });
  const audited = () => {
    audit.value.close();
    return readFileSync(auditPath, 'utf8');
  };
  return { rules, applied, asked, incomingDir, audited, data };
}

describe('rule bundles fetched from the back office', () => {
  it('keeps a newer verified bundle in the incoming folder and applies it at once when nobody is at the screen', async () => {
    const u = updater(download('2026.12.2'));
    await u.rules.check();
    expect(u.asked).toEqual(['2026.12.1']);
    expect(existsSync(join(u.incomingDir, 'bundle.json'))).toBe(true);
    expect(u.applied).toEqual([1]);
    expect(u.audited()).toContain('"rules.downloaded"');
  });

  it('waits for the session to end before applying', async () => {
    let session = true;
    const u = updater(download('2026.12.2'), { session: () => session });
    await u.rules.check();
    expect(u.applied).toEqual([]);
    session = false;
    u.rules.sessionEnded();
    expect(u.applied).toEqual([1]);
  });

  it('ignores a bundle that is not newer than the one in use', async () => {
    const u = updater(download('2026.12.1'));
    await u.rules.check();
    expect(existsSync(u.incomingDir)).toBe(false);
    expect(u.applied).toEqual([]);
  });

  it('refuses a bundle whose file was changed on the way, and keeps nothing of it', async () => {
    const bundle = download('2026.12.2');
    const file = 'services/passport-first.json';
    bundle.files[file] = Buffer.from(
      Buffer.from(bundle.files[file]!, 'base64')
        .toString('utf8')
        .replace('"amount": 120', '"amount": 1'),
    ).toString('base64');
    const u = updater(bundle);
    await u.rules.check();
    expect(u.applied).toEqual([]);
    // Nothing of the bundle is kept; only its version, so it is not fetched again.
    expect(readdirSync(u.data).filter((f) => f.startsWith('rules-'))).toEqual([
      'rules-refused.json',
    ]);
    expect(JSON.parse(readFileSync(join(u.data, 'rules-refused.json'), 'utf8'))).toEqual({
      version: '2026.12.2',
    });
    expect(u.audited()).toContain(
      'services/passport-first.json was changed after the bundle was signed',
    );
  });

  it('never writes outside the bundle’s own folders (a path like ../../x)', async () => {
    const bundle = download('2026.12.2');
    bundle.files['../../outside.json'] = Buffer.from('{}').toString('base64');
    const u = updater(bundle);
    await u.rules.check();
    expect(existsSync(join(u.data, '..', 'outside.json'))).toBe(false);
    expect(u.applied).toEqual([]);
    expect(u.audited()).toMatch(/outside\.json.{0,4} is not a bundle file/);
  });

  it('refuses a bundle that does not load once: not fetched again until a newer one exists', async () => {
    const u = updater(download('2026.12.2'), { loads: false });
    await u.rules.check();
    expect(u.applied).toEqual([1]);
    await u.rules.check();
    await u.rules.check();
    // Asked for what is newer than the refused version, so the same bundle is not applied again.
    expect(u.asked).toEqual(['2026.12.1', '2026.12.2', '2026.12.2']);
    expect(u.applied).toEqual([1]);
    expect(u.audited().match(/"rules\.update_refused"/g)).toHaveLength(1);
  });

  it('does not download again a bundle refused on arrival', async () => {
    const bundle = download('2026.12.2');
    bundle.signature = Buffer.from('{"keyId":"city-2026","signature":"x"}').toString('base64');
    const u = updater(bundle);
    await u.rules.check();
    await u.rules.check();
    expect(u.asked).toEqual(['2026.12.1', '2026.12.2']);
    expect(u.audited().match(/"rules\.download_refused"/g)).toHaveLength(1);
  });
});
