import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFileNames, readRegularFile, type BundleSnapshot } from '../../rules/node/bundle-files';
import { parseCalendarFile, parseCommonFile, parseServiceFile } from '../../rules/engine/load';
import type { RuleProblem } from '../../rules/engine/lint';
import { commonRulesSchema, type CommonRules, type ServiceId } from '../../rules/engine/schema';
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

/** Where rule files come from: a folder on disk, or the bytes of a bundle that verified. */
export interface RuleSource {
  /** The bytes of `relative` (`services/x.json`), or null when there is none; throws with the reason it cannot be read. */
  read(relative: string): Buffer | null;
  /** The JSON file names in `services/` or `calendar/`, sorted; throws when there is no such folder. */
  list(folder: 'services' | 'calendar'): string[];
}

/** A rules folder on disk (development, a station's own copy): regular files only, each read once. */
export const folderSource = (dir: string): RuleSource => ({
  read(relative) {
    try {
      return readRegularFile(join(dir, relative));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw cause;
    }
  },
  list: (folder) => jsonFileNames(join(dir, folder)),
});

/** The files of a verified bundle: the bytes that were checked are the bytes parsed. */
export const snapshotSource = (snapshot: BundleSnapshot): RuleSource => ({
  read: (relative) => snapshot.files.get(relative) ?? null,
  list(folder) {
    const prefix = `${folder}/`;
    const names = [...snapshot.files.keys()]
      .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
      .map((f) => f.slice(prefix.length))
      .sort();
    if (names.length === 0) throw new Error(`the bundle has no ${folder}/`);
    return names;
  },
});

/**
 * A rule file's bytes, why it cannot be used (a FIFO or a symlink, a file the
 * kiosk user may not read, one far too large), or null when there is none.
 * Never throws, so one bad file never stops the others from loading.
 */
function readRuleFile(
  source: RuleSource,
  relative: string,
): { bytes: Buffer } | { problems: RuleProblem[] } | null {
  try {
    const bytes = source.read(relative);
    return bytes === null ? null : { bytes };
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

/** A file a folder listing named: gone by the time it is read is a problem like any other. */
const listedRuleFile = (
  source: RuleSource,
  relative: string,
): { bytes: Buffer } | { problems: RuleProblem[] } =>
  readRuleFile(source, relative) ?? {
    problems: [{ path: '$', message: 'cannot be read: it was removed while the rules loaded' }],
  };

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
      return { ...loadRuleFolder(folderSource(rulesDir), lastGoodDir), bundle: null };
    case 'required':
      return loadSignedBundle(rulesDir, policy, (snapshot) =>
        loadRuleFolder(snapshotSource(snapshot), null),
      );
  }
}

/**
 * Loads `common.json`, every `services/<id>.json` and `calendar/holidays-<year>.json`
 * of `source`. A file that fails the schema or the lint never reaches
 * citizens: with `lastGoodDir`, the last copy that loaded is used instead when
 * there is one; the problem is reported either way.
 */
export function loadRuleFolder(source: RuleSource, lastGoodDir: string | null): FolderRuleSet {
  const rules = new Map<ServiceId, LoadedRule>();
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
  const read = readRuleFile(source, 'common.json');
  if (read !== null) {
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

  const { calendarYears, calendarBytes } = loadCalendar(source, problems);

  let files: string[] = [];
  try {
    files = source.list('services');
  } catch (cause) {
    problems.push({
      file: 'services/',
      problems: [{ path: '$', message: cause instanceof Error ? cause.message : String(cause) }],
      action: 'refused',
    });
  }
  for (const file of files) {
    const read = listedRuleFile(source, `services/${file}`);
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
  source: RuleSource,
  problems: RuleFileProblem[],
): { calendarYears: CalendarYearFile[]; calendarBytes: Buffer[] } {
  const calendarYears: CalendarYearFile[] = [];
  const calendarBytes: Buffer[] = [];
  let files: string[] = [];
  try {
    files = source.list('calendar');
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
    const read = listedRuleFile(source, `calendar/${file}`);
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
