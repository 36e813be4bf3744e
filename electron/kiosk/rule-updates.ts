import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { snapshotOf, verifySnapshot } from '../../rules/node/bundle-files';
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
import type { SyncWorker } from '../sync/worker';
import type { KioskEventListener } from './context';
import type { RuleHolder } from './rule-holder';
import type { SessionKeeper } from './session';
import { writeBundleCopy } from './rule-bundle';
import type { RulePolicy } from './rule-set';

const refusedRecordSchema = z.object({ version: z.string() });

/** The newer of two versions, either may be missing. */
const newest = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : compareVersions(a, b) >= 0 ? a : b;

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
  /** Loads the rules again (the incoming bundle is the newest), tells the screen, and says which version serves now. */
  readonly apply: () => string | null;
  /**
   * Where the newest refused version is kept (<dataDir>/rules-refused.json): a bundle
   * that does not verify or load is refused once, not fetched and refused at every
   * heartbeat, until the back office has a newer one.
   */
  readonly refusedFile: string;
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
  let pending: string | null = null;

  const readRefused = (): string | null => {
    try {
      const parsed = refusedRecordSchema.safeParse(
        JSON.parse(readFileSync(options.refusedFile, 'utf8')),
      );
      return parsed.success ? parsed.data.version : null;
    } catch {
      return null;
    }
  };
  const rememberRefused = (version: string): void => {
    try {
      writeFileSync(options.refusedFile, `${JSON.stringify({ version })}\n`, { mode: 0o600 });
    } catch {
      // A full disk: the bundle is asked for and refused again at the next heartbeat.
    }
  };

  const applyNow = (version: string): void => {
    pending = null;
    const serving = options.apply();
    if (serving === version) return;
    // It verified when it arrived but did not load whole: the kiosk keeps what it serves.
    rememberRefused(version);
    audit.record('system', 'rules.update_refused', {
      version,
      serving,
      reason: 'the bundle did not load (see the rule problems in diagnostics)',
    });
  };

  const receive = (bundle: NonNullable<RulesDownload['bundle']>): boolean => {
    const refuse = (reason: string): false => {
      rememberRefused(bundle.version);
      audit.record('system', 'rules.download_refused', { version: bundle.version, reason });
      return false;
    };
    const files = new Map<string, Buffer>();
    for (const [file, content] of Object.entries(bundle.files)) {
      // Only the bundle's own places: a path like ../../etc is never written.
      if (!BUNDLE_FILE.test(file)) return refuse(`"${file}" is not a bundle file`);
      files.set(file, Buffer.from(content, 'base64'));
    }
    files.set(BUNDLE_MANIFEST, Buffer.from(bundle.manifest, 'base64'));
    files.set(BUNDLE_SIGNATURE, Buffer.from(bundle.signature, 'base64'));
    // Verified in memory, then written: what lands in the incoming folder is what verified.
    const verified = verifySnapshot(snapshotOf(files), policy.trustedKeys, null);
    if (!verified.ok) return refuse(verified.problems[0]?.message ?? '');
    if (verified.value.manifest.version !== bundle.version)
      return refuse('the manifest names another version');
    try {
      writeBundleCopy(verified.value.snapshot, policy.incomingDir);
    } catch (cause) {
      return refuse(cause instanceof Error ? cause.message : String(cause));
    }
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
        const after = newest(options.currentVersion(), readRefused());
        const answer = await options.fetch(after);
        if (answer.kind !== 'ok' || answer.value.bundle === null) return;
        const { bundle } = answer.value;
        if (after !== null && compareVersions(bundle.version, after) <= 0) return;
        if (!receive(bundle)) return;
        if (options.sessionActive()) pending = bundle.version;
        else applyNow(bundle.version);
      } catch (cause) {
        log.error('rules.update_failed', {
          message: cause instanceof Error ? cause.message : String(cause),
        });
      } finally {
        checking = false;
      }
    },
    sessionEnded() {
      if (pending !== null) applyNow(pending);
    },
  };
}

export interface RuleUpdateWiring {
  readonly sync: SyncWorker | null;
  readonly policy: RulePolicy;
  readonly rules: RuleHolder;
  readonly sessions: SessionKeeper;
  readonly dataDir: string;
  readonly emit: KioskEventListener;
  readonly log: Logger;
  readonly audit: AuditLog;
}

/**
 * Newer signed rules: asked for after each heartbeat the back office answered,
 * applied at once or when the citizen at the screen leaves. Nothing to do
 * without a back office or where the kiosk serves unsigned rules.
 */
export function scheduleRuleUpdates(wiring: RuleUpdateWiring): void {
  const { sync, policy, rules, sessions, audit } = wiring;
  if (sync === null || policy.signature !== 'required' || policy.incomingDir === undefined) return;
  const updater = createRuleUpdater({
    fetch: (after) => sync.fetchRules(after),
    policy: { ...policy, incomingDir: policy.incomingDir },
    currentVersion: rules.version,
    sessionActive: () => sessions.current() !== null,
    apply: () => {
      const before = rules.version();
      const now = rules.reload();
      audit.record('system', 'rules.applied', {
        from: before,
        to: rules.version(),
        source: now.bundle?.source ?? null,
        services: now.rules.size,
        refused: now.problems.length,
      });
      wiring.emit('rulesChanged', { version: rules.version() });
      return rules.version();
    },
    refusedFile: join(wiring.dataDir, 'rules-refused.json'),
    log: wiring.log,
    audit,
  });
  sync.onHeartbeat(() => void updater.check());
  // Ended, not replaced by the next start: a session replaced is still someone at the screen.
  sessions.onEnded(() => {
    if (sessions.current() === null) updater.sessionEnded();
  });
}
