/**
 * `npm run rules:sign -- --key <private.pem> --key-id <id> --version <x.y.z>
 *  --reviewed-by <who> --reviewed-at YYYY-MM-DD --issuer <authority> [rulesDir]`
 *
 * Signs the rules folder as one bundle: checks it as `rules:check` does (a
 * folder with a problem is never signed), lists every service, common.json
 * and calendar file with its SHA-256 in bundle.json, and signs bundle.json
 * with the issuing authority's Ed25519 key into bundle.sig.
 *
 * `npm run rules:sign -- --new-key <private.pem>` makes a key pair: the
 * private key (mode 0600) for the authority, the public key printed for the
 * kiosks' config (`rules.trustedKeys`).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { manifestFor, writeBundle } from './bundle-files';
import { checkRulesDir, formatRulesCheck } from './check-dir';
import { bundleManifestSchema } from '../engine/bundle';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: 'string' },
    'key-id': { type: 'string' },
    version: { type: 'string' },
    'reviewed-by': { type: 'string' },
    'reviewed-at': { type: 'string' },
    issuer: { type: 'string' },
    'new-key': { type: 'string' },
  },
});

const publicKeyText = (pem: string): string =>
  createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' }).toString('base64');

function fail(message: string): never {
  console.error(`rules:sign: ${message}`);
  process.exit(1);
}

if (values['new-key'] !== undefined) {
  const path = resolve(values['new-key']);
  if (existsSync(path)) fail(`${path} exists; a key is never overwritten`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(path, pem, { mode: 0o600 });
  console.log(`rules:sign: new Ed25519 key in ${path} (keep it off the kiosks)`);
  console.log(`public key for rules.trustedKeys: ${publicKeyText(pem)}`);
  process.exit(0);
}

const dir = resolve(positionals[0] ?? join(__dirname, '..'));
const keyPath = values.key ?? fail('--key <private.pem> is required');
const keyId = values['key-id'] ?? fail('--key-id is required (the id the kiosks know the key by)');
const check = checkRulesDir(dir);
if (check.problems.length > 0) {
  for (const line of formatRulesCheck(check, 0, 'rules:sign')) console.error(line);
  fail('the folder has problems; fix them before signing');
}
const manifest = bundleManifestSchema.safeParse(
  manifestFor(dir, {
    version: values.version ?? fail('--version is required, and must grow with every bundle'),
    reviewedBy: values['reviewed-by'] ?? fail('--reviewed-by is required: who checked these rules'),
    reviewedAt:
      values['reviewed-at'] ?? fail('--reviewed-at YYYY-MM-DD is required: when they checked'),
    issuer: values.issuer ?? fail('--issuer is required: the authority that issues the bundle'),
  }),
);
if (!manifest.success) fail(manifest.error.issues.map((i) => i.message).join('; '));
const pem = readFileSync(keyPath, 'utf8');
const manifestBytes = Buffer.from(`${JSON.stringify(manifest.data, null, 2)}\n`);
writeBundle(dir, manifestBytes, keyId, sign(null, manifestBytes, createPrivateKey(pem)));
console.log(
  `rules:sign: bundle ${manifest.data.version} of ${Object.keys(manifest.data.files).length} files signed with "${keyId}" (public key ${publicKeyText(pem)})`,
);
