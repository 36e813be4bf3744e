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

/** Larger than any real rule file: a file this big is refused rather than parsed. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

/**
 * A rule file's bytes, or why it cannot be used: a folder named `x.json`, a
 * file the kiosk user may not read, one far too large. Never throws, so one
 * bad file never stops the others from loading.
 */
function readRuleFile(path: string): { bytes: Buffer } | { problems: RuleProblem[] } {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_RULE_FILE_BYTES) {
      return {
        problems: [
          {
            path: '$',
            message: `${bytes.length} bytes; a rule file may be at most ${MAX_RULE_FILE_BYTES}`,
          },
        ],
      };
    }
    return { bytes };
  } catch (cause) {
    return {
      problems: [
        {
          path: '$',
          message: `cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
        },
      ],
    };
  }
}

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
  try {
    mkdirSync(lastGoodDir, { recursive: true, mode: 0o700 });
  } catch {
    // No last-good copies this time (a full or read-only disk): the rules still load.
  }
  const remember = (file: string, bytes: Buffer): void => {
    const path = join(lastGoodDir, file);
    const previous = readIfExists(path);
    if (previous !== null && previous.equals(bytes)) return;
    try {
      writeFileSync(path, bytes, { mode: 0o600 });
    } catch {
      // A full disk: the last good copy stays the older one; the file in use is still this one.
    }
  };

  let common: CommonRules = commonRulesSchema.parse({ version: 'none' });
  let commonBytes: Buffer = Buffer.alloc(0);
  const commonPath = join(rulesDir, 'common.json');
  if (existsSync(commonPath)) {
    const read = readRuleFile(commonPath);
    const current = 'bytes' in read ? read.bytes : Buffer.alloc(0);
    const parsed =
      'bytes' in read
        ? parseCommonFile(current.toString('utf8'))
        : { ok: false as const, problems: read.problems };
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
    const read = readRuleFile(join(servicesDir, file));
    const current = 'bytes' in read ? read.bytes : Buffer.alloc(0);
    const parsed =
      'bytes' in read
        ? parseServiceFile(current.toString('utf8'), file, common)
        : { ok: false as const, problems: read.problems };
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
