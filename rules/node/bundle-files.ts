import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { formatPath } from '../../base/format-path';
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
import type { RuleProblem } from '../engine/lint';

/**
 * The rules folder as a signed bundle, on disk: what `rules:sign` writes,
 * `rules:verify` and the kiosk check. The pure rules are in engine/bundle.ts.
 *
 * A bundle is read ONCE into a snapshot (`readBundleSnapshot`): the bytes whose
 * hashes are checked against the signed manifest are the very bytes the kiosk
 * then parses and copies. Reading a file twice — once to verify, once to load —
 * let a FIFO or a symlink swapped in between serve one thing to each read.
 */

/** A key the kiosk config trusts to sign rule bundles: Ed25519, SPKI DER in base64 (a PEM's body). */
export interface TrustedKey {
  readonly id: string;
  readonly publicKey: string;
}

/** Hex SHA-256 of a file's bytes, as bundle.json lists them. */
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Larger than any real rule file: a file this big is refused rather than read. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/**
 * The rule files of one of the bundle's folders (services/, calendar/), in a fixed
 * order so problems and hashes come out the same everywhere. Throws as readdirSync does.
 */
export const jsonFileNames = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/**
 * A file's bytes, read through one descriptor that was opened without following
 * a symlink and checked to be a regular file: a FIFO, a device, a symlink or a
 * folder named like a file is refused, never read. Throws with the reason.
 */
export function readRegularFile(path: string, maxBytes = MAX_RULE_FILE_BYTES): Buffer {
  // O_NONBLOCK: opening a FIFO with no writer must not hang the kiosk; it is refused below.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file (a FIFO, a device or a folder)');
    if (stat.size > maxBytes)
      throw new Error(`${stat.size} bytes; a rule file may be at most ${maxBytes}`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    // A file that changed size while it was read is not the file that was listed.
    if (read !== bytes.length) throw new Error('changed while it was read');
    return bytes;
  } finally {
    closeSync(fd);
  }
}

const reason = (cause: unknown): string =>
  (cause as NodeJS.ErrnoException).code === 'ELOOP'
    ? 'a symbolic link, which a bundle may not contain'
    : cause instanceof Error
      ? cause.message
      : String(cause);

/** A real folder, not a symlink to one: lstat, so a link swapped in is seen. */
function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file of a bundle folder, read once: manifest, signature, common.json,
 * services/ and calendar/ (names that can belong to a bundle). `unreadable`
 * lists the files that exist but may not be read (a symlink, a FIFO, too big).
 */
export interface BundleSnapshot {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly unreadable: readonly RuleProblem[];
}

export function readBundleSnapshot(dir: string): BundleSnapshot {
  const files = new Map<string, Buffer>();
  const unreadable: RuleProblem[] = [];
  if (!isRealFolder(dir)) {
    unreadable.push({ path: '$', message: `${dir} is not a folder (or is a symbolic link)` });
    return { files, unreadable };
  }
  const add = (relative: string): void => {
    try {
      files.set(relative, readRegularFile(join(dir, relative)));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
      unreadable.push({ path: '$', message: `${relative}: ${reason(cause)}` });
    }
  };
  for (const name of [BUNDLE_MANIFEST, BUNDLE_SIGNATURE, 'common.json']) add(name);
  for (const sub of ['services', 'calendar']) {
    const folder = join(dir, sub);
    let names: string[];
    try {
      if (lstatSync(folder).isSymbolicLink()) {
        unreadable.push({ path: '$', message: `${sub}/: ${reason({ code: 'ELOOP' })}` });
        continue;
      }
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (BUNDLE_FILE.test(`${sub}/${name}`)) add(`${sub}/${name}`);
  }
  return { files, unreadable };
}

/** Every file of the snapshot that can belong to a bundle, with its SHA-256. */
function bundleFileHashes(snapshot: BundleSnapshot): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, bytes] of snapshot.files)
    if (BUNDLE_FILE.test(file)) found.set(file, sha256(bytes));
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
  /** The bytes that verified: load and copy these, never the folder again. */
  readonly snapshot: BundleSnapshot;
}

export type BundleVerdict =
  | { readonly ok: true; readonly value: VerifiedBundle }
  | { readonly ok: false; readonly problems: RuleProblem[] };

/**
 * Whether `snapshot` is a bundle signed by one of `keys`, reviewed, complete,
 * unchanged since signing, and not older than `applied`.
 */
export function verifySnapshot(
  snapshot: BundleSnapshot,
  keys: readonly TrustedKey[],
  applied: AppliedBundle | null,
): BundleVerdict {
  if (snapshot.unreadable.length > 0) return { ok: false, problems: [...snapshot.unreadable] };
  const manifestBytes = snapshot.files.get(BUNDLE_MANIFEST);
  const signatureBytes = snapshot.files.get(BUNDLE_SIGNATURE);
  if (manifestBytes === undefined)
    return { ok: false, problems: [{ path: '$', message: 'unsigned: no bundle.json' }] };
  if (signatureBytes === undefined)
    return { ok: false, problems: [{ path: '$', message: 'unsigned: no bundle.sig' }] };
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
    signature = bundleSignatureSchema.parse(JSON.parse(signatureBytes.toString('utf8')));
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
  const problems = bundleContentProblems(
    manifest,
    manifestHash,
    bundleFileHashes(snapshot),
    applied,
  );
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { manifest, manifestHash, keyId: signature.keyId, snapshot } };
}

/** `verifySnapshot` of the folder as it is now (rules:verify, readiness). */
export const verifyBundle = (
  dir: string,
  keys: readonly TrustedKey[],
  applied: AppliedBundle | null,
): BundleVerdict => verifySnapshot(readBundleSnapshot(dir), keys, applied);

/** The bundle's own bytes, as a snapshot: what a download or a verified copy holds. */
export const snapshotOf = (files: ReadonlyMap<string, Buffer>): BundleSnapshot => ({
  files,
  unreadable: [],
});

/** For `rules:sign`: the manifest of `dir` as it stands. */
export function manifestFor(dir: string, fields: Omit<BundleManifest, 'files'>): BundleManifest {
  return { ...fields, files: Object.fromEntries(bundleFileHashes(readBundleSnapshot(dir))) };
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
