import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  readBundleSnapshot,
  sha256,
  verifySnapshot,
  type BundleSnapshot,
  type TrustedKey,
} from '../../rules/node/bundle-files';
import {
  BUNDLE_MANIFEST,
  bundleManifestSchema,
  compareVersions,
  type AppliedBundle,
} from '../../rules/engine/bundle';
import type { BundleInfo, FolderRuleSet, RuleFileProblem, RulePolicy, RuleSet } from './rule-set';

export type { TrustedKey };

/** The manifest in a snapshot with the SHA-256 of its bytes, or null when there is none that parses. */
function manifestOf(snapshot: BundleSnapshot): AppliedBundle | null {
  const bytes = snapshot.files.get(BUNDLE_MANIFEST);
  if (bytes === undefined) return null;
  try {
    const manifest = bundleManifestSchema.parse(JSON.parse(bytes.toString('utf8')));
    return { version: manifest.version, manifestHash: sha256(bytes) };
  } catch {
    return null;
  }
}

/**
 * The verified bytes into `to`, replacing what was there: written whole to a
 * staging folder (never copied from the source folder again, which may have
 * changed since it was read), then swapped by two renames. A power cut between
 * them leaves `<to>.old`, which `restoreInterruptedCopy` puts back at the next start.
 */
export function writeBundleCopy(snapshot: BundleSnapshot, to: string): void {
  const staging = `${to}.new`;
  rmSync(staging, { recursive: true, force: true });
  for (const [file, bytes] of snapshot.files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true, mode: 0o700 });
    writeFileSync(join(staging, file), bytes, { mode: 0o600 });
  }
  rmSync(`${to}.old`, { recursive: true, force: true });
  if (existsSync(to)) renameSync(to, `${to}.old`);
  renameSync(staging, to);
  rmSync(`${to}.old`, { recursive: true, force: true });
}

/** A copy cut off between its two renames: the previous good bundle is still whole in `.old`. */
function restoreInterruptedCopy(to: string): void {
  try {
    if (!existsSync(to) && existsSync(`${to}.old`)) renameSync(`${to}.old`, to);
  } catch {
    // Read-only or full: the kiosk then verifies what it has, as always.
  }
}

type Candidate = {
  readonly source: BundleInfo['source'];
  readonly label: string;
  /** Every file, read once: ordered, verified, loaded and copied from these bytes. */
  readonly snapshot: BundleSnapshot;
  readonly version: string | null;
};

/**
 * The newest bundle that verifies and loads without a problem: one fetched
 * from the back office, the rules folder, or the copy of the last one applied.
 * Whatever newer was refused is reported, file and reason, for technicians.
 */
export function loadSignedBundle(
  rulesDir: string,
  policy: Extract<RulePolicy, { signature: 'required' }>,
  loadFolder: (snapshot: BundleSnapshot) => FolderRuleSet,
): RuleSet {
  restoreInterruptedCopy(policy.goodBundleDir);
  const good = existsSync(policy.goodBundleDir) ? readBundleSnapshot(policy.goodBundleDir) : null;
  const applied = good === null ? null : manifestOf(good);
  const candidate = (
    snapshot: BundleSnapshot,
    source: BundleInfo['source'],
    label: string,
  ): Candidate => ({ snapshot, source, label, version: manifestOf(snapshot)?.version ?? null });
  const candidates: Candidate[] = [
    ...(policy.incomingDir !== undefined && existsSync(policy.incomingDir)
      ? [candidate(readBundleSnapshot(policy.incomingDir), 'incoming', 'incoming/')]
      : []),
    candidate(readBundleSnapshot(rulesDir), 'current', ''),
    ...(good === null || applied === null ? [] : [candidate(good, 'last-good', 'last-good/')]),
  ].sort((a, b) => {
    if (a.version === null || b.version === null)
      return a.version === null ? (b.version === null ? 0 : 1) : -1;
    return compareVersions(b.version, a.version);
  });
  const refused: RuleFileProblem[] = [];
  for (const candidate of candidates) {
    const verified = verifySnapshot(candidate.snapshot, policy.trustedKeys, applied);
    if (!verified.ok) {
      // The package's own folder, older than what the back office delivered since: expected, not a fault.
      const stale = verified.problems.every((p) => p.message.includes('older than'));
      if (!stale) {
        refused.push({
          file: `${candidate.label}${BUNDLE_MANIFEST}`,
          problems: verified.problems,
          action: 'refused',
        });
      }
      continue;
    }
    const set = loadFolder(candidate.snapshot);
    if (set.problems.length > 0) {
      refused.push(
        ...set.problems.map((p) => ({
          ...p,
          file: `${candidate.label}${p.file}`,
          action: 'refused' as const,
        })),
      );
      continue;
    }
    const { manifest, manifestHash, keyId } = verified.value;
    if (candidate.source !== 'last-good' && manifestHash !== applied?.manifestHash) {
      try {
        writeBundleCopy(candidate.snapshot, policy.goodBundleDir);
      } catch {
        // A full disk: this bundle serves now; the next start verifies it again.
      }
    }
    // Applied, or older than what serves, or refused above: an incoming bundle is not tried twice.
    if (policy.incomingDir !== undefined)
      rmSync(policy.incomingDir, { recursive: true, force: true });
    const fellBack = candidate.source === 'last-good' && refused.length > 0;
    return {
      ...set,
      problems: refused.map((p) => (fellBack ? { ...p, action: 'using-last-good' as const } : p)),
      bundle: {
        version: manifest.version,
        reviewedBy: manifest.reviewedBy,
        reviewedAt: manifest.reviewedAt,
        issuer: manifest.issuer,
        keyId,
        source: candidate.source,
      },
    };
  }
  if (policy.incomingDir !== undefined)
    rmSync(policy.incomingDir, { recursive: true, force: true });
  return {
    rules: new Map(),
    problems: refused,
    guideReasons: [],
    calendar: {
      confirmedYears: new Set(),
      provisionalYears: new Set(),
      holidays: new Set(),
      workdays: new Set(),
    },
    calendarYears: [],
    bundle: null,
  };
}
