import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyBundle } from '../../rules/node/bundle-files';
import {
  BUNDLE_FILE,
  BUNDLE_MANIFEST,
  BUNDLE_SIGNATURE,
  compareVersions,
} from '../../rules/engine/bundle';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';
import type { Outcome } from '../sync/classify';
import type { RulesDownload } from '../sync/protocol';
import type { RulePolicy } from './rule-set';

export interface RuleUpdater {
  /** Asks the back office for a newer bundle; one that verifies waits in the incoming folder. */
  check(): Promise<void>;
  /** The citizen left the screen: a bundle that arrived meanwhile is applied now. */
  sessionEnded(): void;
}

export interface RuleUpdaterOptions {
  readonly fetch: (after: string | null) => Promise<Outcome<RulesDownload>>;
  readonly policy: Extract<RulePolicy, { signature: 'required' }> & {
    readonly incomingDir: string;
  };
  /** The version of the bundle in use, if any. */
  readonly currentVersion: () => string | null;
  /** Someone is at the screen: rules never change under a citizen's feet. */
  readonly sessionActive: () => boolean;
  /** Loads the rules again (the incoming bundle is the newest) and tells the screen. */
  readonly apply: () => void;
  readonly log: Logger;
  readonly audit: AuditLog;
}

/**
 * Newer rules from the back office, applied between sessions. The back office
 * only carries them: what is written to the incoming folder has verified
 * against the kiosk's own trusted keys first, and the start-up loader checks
 * it again, whole, before a citizen sees it.
 */
export function createRuleUpdater(options: RuleUpdaterOptions): RuleUpdater {
  const { policy, log, audit } = options;
  let checking = false;
  let pending = false;

  const applyNow = (): void => {
    pending = false;
    options.apply();
  };

  const receive = (bundle: NonNullable<RulesDownload['bundle']>): boolean => {
    const staging = `${policy.incomingDir}.download`;
    rmSync(staging, { recursive: true, force: true });
    try {
      for (const [file, content] of Object.entries(bundle.files)) {
        // Only the bundle's own places: a path like ../../etc is never written.
        if (!BUNDLE_FILE.test(file)) throw new Error(`"${file}" is not a bundle file`);
        mkdirSync(dirname(join(staging, file)), { recursive: true, mode: 0o700 });
        writeFileSync(join(staging, file), Buffer.from(content, 'base64'));
      }
      writeFileSync(join(staging, BUNDLE_MANIFEST), Buffer.from(bundle.manifest, 'base64'));
      writeFileSync(join(staging, BUNDLE_SIGNATURE), Buffer.from(bundle.signature, 'base64'));
    } catch (cause) {
      rmSync(staging, { recursive: true, force: true });
      audit.record('system', 'rules.download_refused', {
        version: bundle.version,
        reason: cause instanceof Error ? cause.message : String(cause),
      });
      return false;
    }
    const verified = verifyBundle(staging, policy.trustedKeys, null);
    if (!verified.ok || verified.value.manifest.version !== bundle.version) {
      rmSync(staging, { recursive: true, force: true });
      audit.record('system', 'rules.download_refused', {
        version: bundle.version,
        reason: verified.ok
          ? 'the manifest names another version'
          : (verified.problems[0]?.message ?? ''),
      });
      return false;
    }
    rmSync(policy.incomingDir, { recursive: true, force: true });
    renameSync(staging, policy.incomingDir);
    audit.record('system', 'rules.downloaded', {
      version: bundle.version,
      reviewedBy: verified.value.manifest.reviewedBy,
    });
    return true;
  };

  return {
    async check() {
      if (checking) return;
      checking = true;
      try {
        const current = options.currentVersion();
        const answer = await options.fetch(current);
        if (answer.kind !== 'ok' || answer.value.bundle === null) return;
        const { bundle } = answer.value;
        if (current !== null && compareVersions(bundle.version, current) <= 0) return;
        if (!receive(bundle)) return;
        if (options.sessionActive()) pending = true;
        else applyNow();
      } catch (cause) {
        log.error('rules.update_failed', {
          message: cause instanceof Error ? cause.message : String(cause),
        });
      } finally {
        checking = false;
      }
    },
    sessionEnded() {
      if (pending) applyNow();
    },
  };
}
