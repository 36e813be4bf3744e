import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceRuleSchema, type ServiceRule } from '../../rules/engine/schema';
import { formatPath } from '../shared/format-path';

export interface LoadedRule {
  readonly rule: ServiceRule;
  /** SHA-256 of the file's bytes: every application records the exact rules it was checked against. */
  readonly hash: string;
  readonly file: string;
}

export interface RuleProblem {
  readonly file: string;
  readonly message: string;
}

export interface RuleSet {
  readonly rules: ReadonlyMap<string, LoadedRule>;
  /** Files refused at start-up; citizens never see them, technicians do. */
  readonly problems: readonly RuleProblem[];
}

/**
 * Loads every `<id>.json` in the services folder. A file that fails the schema
 * is left out and reported instead of reaching citizens.
 */
export function loadRuleSet(dir: string): RuleSet {
  const rules = new Map<string, LoadedRule>();
  const problems: RuleProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (cause) {
    return {
      rules,
      problems: [{ file: dir, message: cause instanceof Error ? cause.message : String(cause) }],
    };
  }
  for (const file of files) {
    const path = join(dir, file);
    try {
      const bytes = readFileSync(path);
      const parsed = serviceRuleSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (!parsed.success) {
        const first = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${formatPath(i.path) || '(top level)'}: ${i.message}`)
          .join('; ');
        problems.push({ file, message: first });
        continue;
      }
      if (`${parsed.data.id}.json` !== file) {
        problems.push({ file, message: `id "${parsed.data.id}" does not match the file name` });
        continue;
      }
      rules.set(parsed.data.id, {
        rule: parsed.data,
        hash: createHash('sha256').update(bytes).digest('hex'),
        file,
      });
    } catch (cause) {
      problems.push({ file, message: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  return { rules, problems };
}
