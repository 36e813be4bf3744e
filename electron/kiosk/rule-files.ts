import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommonFile, parseServiceFile } from '../../rules/engine/load';
import type { RuleProblem } from '../../rules/engine/lint';
import { commonRulesSchema, type CommonRules, type ServiceRule } from '../../rules/engine/schema';

export interface LoadedRule {
  /** The service merged with rules/common.json, as citizens meet it. */
  readonly rule: ServiceRule;
  /** SHA-256 of the service file and common.json: every application records the exact rules it was checked against. */
  readonly hash: string;
  readonly file: string;
  /** `last-good`: the current file was refused and the copy that last loaded is in use. */
  readonly source: 'current' | 'last-good';
}

export interface RuleFileProblem {
  readonly file: string;
  readonly problems: readonly RuleProblem[];
  /** What the kiosk did about it. */
  readonly action: 'refused' | 'using-last-good';
}

export interface RuleSet {
  readonly rules: ReadonlyMap<string, LoadedRule>;
  /** Files refused at start-up; citizens never see them, technicians do. */
  readonly problems: readonly RuleFileProblem[];
  /** From common.json: the reasons a hall guide may give for the green channel. */
  readonly guideReasons: CommonRules['guideReasons'];
}

const sha256 = (...parts: Buffer[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

function readIfExists(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/**
 * Loads `common.json` and every `services/<id>.json` under `rulesDir`. A file
 * that fails the schema or the lint never reaches citizens: the last copy that
 * loaded (kept under `lastGoodDir`) is used instead when there is one, and the
 * problem is reported either way.
 */
export function loadRuleSet(rulesDir: string, lastGoodDir: string): RuleSet {
  const rules = new Map<string, LoadedRule>();
  const problems: RuleFileProblem[] = [];
  mkdirSync(lastGoodDir, { recursive: true });
  const remember = (file: string, bytes: Buffer): void => {
    const path = join(lastGoodDir, file);
    const previous = readIfExists(path);
    if (previous === null || !previous.equals(bytes)) writeFileSync(path, bytes, { mode: 0o644 });
  };

  let common: CommonRules = commonRulesSchema.parse({ version: 'none' });
  let commonBytes: Buffer = Buffer.alloc(0);
  const commonPath = join(rulesDir, 'common.json');
  if (existsSync(commonPath)) {
    const current = readFileSync(commonPath);
    const parsed = parseCommonFile(current.toString('utf8'));
    if (parsed.ok) {
      common = parsed.value;
      commonBytes = current;
      remember('common.json', current);
    } else {
      const lastGood = readIfExists(join(lastGoodDir, 'common.json'));
      const fallback = lastGood === null ? null : parseCommonFile(lastGood.toString('utf8'));
      if (fallback?.ok === true && lastGood !== null) {
        common = fallback.value;
        commonBytes = lastGood;
      }
      problems.push({
        file: 'common.json',
        problems: parsed.problems,
        action: fallback?.ok === true ? 'using-last-good' : 'refused',
      });
    }
  }

  const servicesDir = join(rulesDir, 'services');
  let files: string[] = [];
  try {
    files = readdirSync(servicesDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (cause) {
    problems.push({
      file: 'services/',
      problems: [{ path: '$', message: cause instanceof Error ? cause.message : String(cause) }],
      action: 'refused',
    });
  }
  for (const file of files) {
    const current = readFileSync(join(servicesDir, file));
    const parsed = parseServiceFile(current.toString('utf8'), file, common);
    if (parsed.ok) {
      rules.set(parsed.value.id, {
        rule: parsed.value,
        hash: sha256(current, commonBytes),
        file,
        source: 'current',
      });
      remember(file, current);
      continue;
    }
    const lastGood = readIfExists(join(lastGoodDir, file));
    const fallback =
      lastGood === null ? null : parseServiceFile(lastGood.toString('utf8'), file, common);
    if (fallback?.ok === true && lastGood !== null) {
      rules.set(fallback.value.id, {
        rule: fallback.value,
        hash: sha256(lastGood, commonBytes),
        file,
        source: 'last-good',
      });
    }
    problems.push({
      file: `services/${file}`,
      problems: parsed.problems,
      action: fallback?.ok === true ? 'using-last-good' : 'refused',
    });
  }
  return { rules, problems, guideReasons: common.guideReasons };
}
