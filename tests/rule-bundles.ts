import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestFor, writeBundle } from '../rules/node/bundle-files';

/** A rule-issuing authority under test: its key pair, and the public half as a kiosk config lists it. */
export interface TestAuthority {
  readonly id: string;
  readonly privateKey: KeyObject;
  /** Ed25519 SPKI DER, base64: what `rules.trustedKeys[].publicKey` holds. */
  readonly publicKey: string;
}

export function testAuthority(id: string): TestAuthority {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    id,
    privateKey,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** The entry a kiosk config trusts the authority by. */
export const trustedKey = ({ id, publicKey }: TestAuthority) => ({ id, publicKey });

const ROOT = join(__dirname, '..');

/** A copy of the shipped rule bundle's parts (services, calendar, common.json) in a new `rules` folder. */
export function copyShippedRules(): string {
  const rules = join(mkdtempSync(join(tmpdir(), 'rules-copy-')), 'rules');
  for (const part of ['services', 'calendar', 'common.json'])
    cpSync(join(ROOT, 'rules', part), join(rules, part), { recursive: true });
  return rules;
}

/** What `npm run rules:sign` does, with the authority's key; returns the manifest's bytes. */
export function signRules(
  rules: string,
  by: TestAuthority,
  version: string,
  reviewedBy = '示例市公安局法制支队 审核员',
): Buffer {
  const manifest = manifestFor(rules, {
    version,
    reviewedBy,
    reviewedAt: '2026-06-01',
    issuer: '示例市公安局',
  });
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeBundle(rules, bytes, by.id, sign(null, bytes, by.privateKey));
  return bytes;
}

/** Edits the first fee of a service in the rules folder, as someone changing a file by hand would. */
export function setFirstFee(rules: string, serviceId: string, amount: number): void {
  const file = join(rules, 'services', `${serviceId}.json`);
  const rule = JSON.parse(readFileSync(file, 'utf8')) as { fee: { items: { amount: number }[] } };
  const first = rule.fee.items[0];
  if (first === undefined) throw new Error(`${serviceId} has no fee item`);
  first.amount = amount;
  writeFileSync(file, JSON.stringify(rule, null, 2));
}
