import { join } from 'node:path';
import type { Logger } from '../shared/log';
import { loadRuleSet, type RulePolicy, type RuleSet } from './rule-files';

/** The rules in use: loaded at start, replaced between sessions when a newer signed bundle applies. */
export interface RuleHolder {
  readonly current: () => RuleSet;
  /** The signed bundle's version, null for unsigned rules. */
  readonly version: () => string | null;
  /** Loads the rules again from disk; what a bundle refused keeps the last good ones. */
  readonly reload: () => RuleSet;
}

export interface RuleHolderOptions {
  readonly rulesDir: string;
  readonly dataDir: string;
  readonly policy: RulePolicy;
  readonly log: Logger;
}

export function createRuleHolder(options: RuleHolderOptions): RuleHolder {
  const { log } = options;
  const load = (): RuleSet => {
    const ruleSet = loadRuleSet(
      options.rulesDir,
      join(options.dataDir, 'rules-last-good'),
      options.policy,
    );
    for (const problem of ruleSet.problems) {
      log.error('rules.refused', {
        file: problem.file,
        action: problem.action,
        problems: problem.problems.length,
        first: `${problem.problems[0]?.path ?? ''} ${problem.problems[0]?.message ?? ''}`,
      });
    }
    return ruleSet;
  };
  let ruleSet = load();
  return {
    current: () => ruleSet,
    version: () => ruleSet.bundle?.version ?? null,
    reload() {
      ruleSet = load();
      return ruleSet;
    },
  };
}
