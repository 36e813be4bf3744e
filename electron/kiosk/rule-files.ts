import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFileNames } from '../../rules/node/bundle-files';
import { parseCalendarFile, parseCommonFile, parseServiceFile } from '../../rules/engine/load';
import type { RuleProblem } from '../../rules/engine/lint';
import { commonRulesSchema, type CommonRules } from '../../rules/engine/schema';
import { calendarFrom, type CalendarYearFile } from '../../rules/engine/workdays';
import { loadSignedBundle } from './rule-bundle';
import type { FolderRuleSet, LoadedRule, RuleFileProblem, RulePolicy, RuleSet } from './rule-set';

export type {
  BundleInfo,
  FolderRuleSet,
  LoadedRule,
  RuleFileProblem,
  RulePolicy,
  RuleSet,
} from './rule-set';

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
 * The kiosk's rules. Without a signature policy (development, a station's own
 * copy) each file stands alone: one that fails the schema or the lint is
 * replaced by its last good copy. Under a `required` policy the folder is one
 * signed bundle: used whole, or not at all (the last good bundle then serves).
 */
export function loadRuleSet(
  rulesDir: string,
  lastGoodDir: string,
  policy: RulePolicy = { signature: 'optional' },
): RuleSet {
  switch (policy.signature) {
    case 'optional':
      return { ...loadRuleFolder(rulesDir, lastGoodDir), bundle: null };
    case 'required':
      return loadSignedBundle(rulesDir, policy, (dir) => loadRuleFolder(dir, null));
  }
}

/**
 * Loads `common.json`, every `services/<id>.json` and `calendar/holidays-<year>.json`
 * under `rulesDir`. A file that fails the schema or the lint never reaches
 * citizens: with `lastGoodDir`, the last copy that loaded is used instead when
 * there is one; the problem is reported either way.
 */
export function loadRuleFolder(rulesDir: string, lastGoodDir: string | null): FolderRuleSet {
  const rules = new Map<string, LoadedRule>();
  const problems: RuleFileProblem[] = [];
  if (lastGoodDir !== null) {
    try {
      mkdirSync(lastGoodDir, { recursive: true, mode: 0o700 });
    } catch {
      // No last-good copies this time (a full or read-only disk): the rules still load.
    }
  }
  const remember = (file: string, bytes: Buffer): void => {
    if (lastGoodDir === null) return;
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
      const lastGood = lastGoodDir === null ? null : readIfExists(join(lastGoodDir, 'common.json'));
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

  const { calendarYears, calendarBytes } = loadCalendar(rulesDir, problems);

  const servicesDir = join(rulesDir, 'services');
  let files: string[] = [];
  try {
    files = jsonFileNames(servicesDir);
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
        hash: sha256(current, commonBytes, ...calendarBytes),
        file,
        source: 'current',
      });
      remember(file, current);
      continue;
    }
    const lastGood = lastGoodDir === null ? null : readIfExists(join(lastGoodDir, file));
    const fallback =
      lastGood === null ? null : parseServiceFile(lastGood.toString('utf8'), file, common);
    if (fallback?.ok === true && lastGood !== null) {
      rules.set(fallback.value.id, {
        rule: fallback.value,
        hash: sha256(lastGood, commonBytes, ...calendarBytes),
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
  return {
    rules,
    problems,
    guideReasons: common.guideReasons,
    calendar: calendarFrom(calendarYears),
    calendarYears,
  };
}

/**
 * The holiday calendar, one file per year. A broken year is left out and
 * reported: due dates in it are then printed as to be confirmed at the window.
 */
function loadCalendar(
  rulesDir: string,
  problems: RuleFileProblem[],
): { calendarYears: CalendarYearFile[]; calendarBytes: Buffer[] } {
  const calendarYears: CalendarYearFile[] = [];
  const calendarBytes: Buffer[] = [];
  let files: string[] = [];
  try {
    files = jsonFileNames(join(rulesDir, 'calendar'));
  } catch {
    // No calendar folder: reported below, as having no calendar at all.
  }
  if (files.length === 0) {
    problems.push({
      file: 'calendar/',
      problems: [{ path: '$', message: 'no holiday calendar: every due date is to be confirmed' }],
      action: 'refused',
    });
  }
  for (const file of files) {
    const read = readRuleFile(join(rulesDir, 'calendar', file));
    const parsed =
      'bytes' in read
        ? parseCalendarFile(read.bytes.toString('utf8'), file)
        : { ok: false as const, problems: read.problems };
    if (parsed.ok && 'bytes' in read) {
      calendarYears.push(parsed.value);
      calendarBytes.push(read.bytes);
    } else if (!parsed.ok) {
      problems.push({ file: `calendar/${file}`, problems: parsed.problems, action: 'refused' });
    }
  }
  return { calendarYears, calendarBytes };
}
