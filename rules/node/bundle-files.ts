import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUNDLE_FILE,
  BUNDLE_MANIFEST,
  BUNDLE_SIGNATURE,
  bundleContentProblems,
  bundleManifestSchema,
  bundleSignatureSchema,
  type AppliedBundle,
  type BundleManifest,
} from '../engine/bundle';
import { formatPath } from '../../base/format-path';
import type { RuleProblem } from '../engine/lint';

/**
 * The rules folder as a signed bundle, on disk: what `rules:sign` writes,
 * `rules:verify` and the kiosk check. The pure rules are in engine/bundle.ts.
 */

/** A key the kiosk config trusts to sign rule bundles: Ed25519, SPKI DER in base64 (a PEM's body). */
export interface TrustedKey {
  readonly id: string;
  readonly publicKey: string;
}

/** Hex SHA-256 of a file's bytes, as bundle.json lists them. */
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The rule files of one of the bundle's folders (services/, calendar/), in a fixed
 * order so problems and hashes come out the same everywhere. Throws as readdirSync does.
 */
export const jsonFileNames = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/** Every file of the folder that can belong to a bundle (services, common.json, calendar), with its SHA-256. */
export function bundleFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const add = (relative: string): void => {
    if (!BUNDLE_FILE.test(relative)) return;
    try {
      found.set(relative, sha256(readFileSync(join(dir, relative))));
    } catch {
      // A folder named like a file, or one the kiosk may not read: not part of any bundle.
    }
  };
  add('common.json');
  for (const sub of ['services', 'calendar']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.sort()) add(`${sub}/${name}`);
  }
  return found;
}

function publicKeyOf(key: TrustedKey): KeyObject | null {
  try {
    const object = createPublicKey({
      key: Buffer.from(key.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return object.asymmetricKeyType === 'ed25519' ? object : null;
  } catch {
    return null;
  }
}

export interface VerifiedBundle {
  readonly manifest: BundleManifest;
  readonly manifestHash: string;
  readonly keyId: string;
}

/**
 * Whether `dir` holds a bundle signed by one of `keys`, reviewed, complete,
 * unchanged since signing, and not older than `applied`.
 */
export function verifyBundle(
  dir: string,
  keys: readonly TrustedKey[],
  applied: AppliedBundle | null,
): { ok: true; value: VerifiedBundle } | { ok: false; problems: RuleProblem[] } {
  let manifestBytes: Buffer;
  let signatureText: string;
  try {
    manifestBytes = readFileSync(join(dir, BUNDLE_MANIFEST));
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'unsigned: no bundle.json' }] };
  }
  try {
    signatureText = readFileSync(join(dir, BUNDLE_SIGNATURE), 'utf8');
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'unsigned: no bundle.sig' }] };
  }
  let manifest: BundleManifest;
  try {
    const parsed = bundleManifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) {
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => ({
          path: i.path.length === 0 ? '$' : `$.${formatPath(i.path)}`,
          message: i.message,
        })),
      };
    }
    manifest = parsed.data;
  } catch (cause) {
    return {
      ok: false,
      problems: [{ path: '$', message: `bundle.json is not JSON: ${(cause as Error).message}` }],
    };
  }
  let signature;
  try {
    signature = bundleSignatureSchema.parse(JSON.parse(signatureText));
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'bundle.sig is not a signature' }] };
  }
  const key = keys.find((k) => k.id === signature.keyId);
  const publicKey = key === undefined ? null : publicKeyOf(key);
  if (publicKey === null) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: `signed with key "${signature.keyId}", which this kiosk does not trust`,
        },
      ],
    };
  }
  if (!verify(null, manifestBytes, publicKey, Buffer.from(signature.signature, 'base64'))) {
    return {
      ok: false,
      problems: [{ path: '$', message: 'the signature does not match bundle.json' }],
    };
  }
  const manifestHash = sha256(manifestBytes);
  const problems = bundleContentProblems(manifest, manifestHash, bundleFiles(dir), applied);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { manifest, manifestHash, keyId: signature.keyId } };
}

/** For `rules:sign`: the manifest of `dir` as it stands. */
export function manifestFor(dir: string, fields: Omit<BundleManifest, 'files'>): BundleManifest {
  return { ...fields, files: Object.fromEntries(bundleFiles(dir)) };
}

/** Writes bundle.json and bundle.sig into `dir`. */
export function writeBundle(
  dir: string,
  manifestBytes: Buffer,
  keyId: string,
  signature: Buffer,
): void {
  writeFileSync(join(dir, BUNDLE_MANIFEST), manifestBytes);
  writeFileSync(
    join(dir, BUNDLE_SIGNATURE),
    `${JSON.stringify({ keyId, signature: signature.toString('base64') })}\n`,
  );
}
