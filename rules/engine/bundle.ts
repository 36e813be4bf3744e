import { z } from 'zod';
import type { RuleProblem } from './lint';

/**
 * A rule bundle is the rules folder as the issuing authority signed it: every
 * service file, `common.json` and the holiday calendar, listed with their
 * SHA-256 in `bundle.json`, which `bundle.sig` signs (Ed25519). A kiosk that
 * requires signatures uses nothing that is not listed, changed, unsigned,
 * unreviewed, or older than what it already applied.
 */
export const BUNDLE_MANIFEST = 'bundle.json';
export const BUNDLE_SIGNATURE = 'bundle.sig';

/** `2026.12.5`: dot-separated numbers, compared number by number. */
const versionSchema = z
  .string()
  .regex(/^\d+(?:\.\d+){0,4}$/, 'a bundle version is numbers separated by dots, e.g. 2026.12.5');

/** Where a bundle's files may live, relative to the rules folder. */
export const BUNDLE_FILE =
  /^(?:common\.json|services\/[a-z][a-z0-9-]*\.json|calendar\/holidays-\d{4}\.json)$/;

export const bundleManifestSchema = z.strictObject({
  version: versionSchema,
  /** Who checked the rules against the law and local practice; a packaged kiosk refuses a bundle without one. */
  reviewedBy: z.string().trim().min(1, 'a bundle needs reviewedBy: who checked these rules'),
  reviewedAt: z.iso.date(),
  issuer: z.string().trim().min(1),
  files: z.record(
    z.string().regex(BUNDLE_FILE, 'not a rule, common or calendar file'),
    z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  ),
});
export type BundleManifest = z.output<typeof bundleManifestSchema>;

export const bundleSignatureSchema = z.strictObject({
  /** Which trusted key signed it (the kiosk config's `rules.trustedKeys[].id`). */
  keyId: z.string().min(1).max(64),
  /** Ed25519 over the exact bytes of bundle.json, base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature in base64'),
});
export type BundleSignature = z.output<typeof bundleSignatureSchema>;

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** What the kiosk last applied: a bundle of the same version must be the very same bundle. */
export interface AppliedBundle {
  readonly version: string;
  /** SHA-256 of its bundle.json. */
  readonly manifestHash: string;
}

/**
 * Every reason the files on disk (`found`: path → SHA-256) are not the bundle
 * the manifest describes, or the manifest cannot replace `applied`. The
 * signature itself is checked by the caller, which holds the keys.
 */
export function bundleContentProblems(
  manifest: BundleManifest,
  manifestHash: string,
  found: ReadonlyMap<string, string>,
  applied: AppliedBundle | null,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [file, hash] of Object.entries(manifest.files)) {
    const actual = found.get(file);
    if (actual === undefined) {
      problems.push({ path: `$.files["${file}"]`, message: `${file} is listed but missing` });
    } else if (actual !== hash) {
      problems.push({
        path: `$.files["${file}"]`,
        message: `${file} was changed after the bundle was signed`,
      });
    }
  }
  for (const file of found.keys()) {
    if (!(file in manifest.files)) {
      problems.push({ path: '$.files', message: `${file} is not part of the signed bundle` });
    }
  }
  if (!Object.keys(manifest.files).includes('common.json')) {
    problems.push({ path: '$.files', message: 'the bundle has no common.json' });
  }
  if (!Object.keys(manifest.files).some((f) => f.startsWith('calendar/'))) {
    problems.push({ path: '$.files', message: 'the bundle has no holiday calendar' });
  }
  if (applied !== null) {
    const order = compareVersions(manifest.version, applied.version);
    if (order < 0) {
      problems.push({
        path: '$.version',
        message: `version ${manifest.version} is older than ${applied.version}, already applied`,
      });
    } else if (order === 0 && manifestHash !== applied.manifestHash) {
      problems.push({
        path: '$.version',
        message: `version ${manifest.version} was already applied with other contents: a changed bundle needs a new version`,
      });
    }
  }
  return problems;
}
