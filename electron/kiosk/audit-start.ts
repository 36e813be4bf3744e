import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditLog } from '../audit/audit-log';
import type { KioskConfig } from '../config/schema';
import type { RuleSet } from './rule-files';

/** Records config and rule changes since the last start: hashes only, the files themselves are not personal but are long. */
export function auditStart(
  options: { readonly config: KioskConfig; readonly dataDir: string; readonly version: string },
  audit: AuditLog,
  ruleSet: RuleSet,
): void {
  const configHash = createHash('sha256')
    .update(JSON.stringify(options.config))
    .digest('hex')
    .slice(0, 16);
  const rulesHash = createHash('sha256')
    .update(
      [...ruleSet.rules.values()]
        .map((r) => `${r.rule.id}@${r.hash}`)
        .sort()
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  const statePath = join(options.dataDir, 'audit', 'last-start.json');
  let last: { config?: string; rules?: string } = {};
  try {
    last = JSON.parse(readFileSync(statePath, 'utf8')) as typeof last;
  } catch {
    // First start, or the file was removed: everything counts as changed.
  }
  audit.record('system', 'app.start', {
    version: options.version,
    kioskId: options.config.kioskId,
    config: configHash,
    rules: rulesHash,
  });
  if (last.config !== configHash)
    audit.record('system', 'config.changed', { from: last.config ?? null, to: configHash });
  if (last.rules !== rulesHash) {
    audit.record('system', 'rules.changed', {
      from: last.rules ?? null,
      to: rulesHash,
      services: ruleSet.rules.size,
      refused: ruleSet.problems.length,
      bundle: ruleSet.bundle?.version ?? null,
      reviewedBy: ruleSet.bundle?.reviewedBy ?? null,
      source: ruleSet.bundle?.source ?? 'unsigned',
    });
  }
  // A refused bundle is a security event, whether or not the rules in use changed.
  for (const problem of ruleSet.problems.filter((p) => p.file.endsWith('bundle.json'))) {
    audit.record('system', 'rules.bundle_refused', {
      file: problem.file,
      action: problem.action,
      reason: problem.problems[0]?.message ?? '',
      serving: ruleSet.bundle?.version ?? null,
    });
  }
  try {
    writeFileSync(statePath, JSON.stringify({ config: configHash, rules: rulesHash }));
  } catch {
    // Not fatal: the next start records a change it cannot confirm.
  }
}
