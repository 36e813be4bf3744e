import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { jsonFileNames } from '../rules/node/bundle-files';
import { parseCalendarFile } from '../rules/engine/load';
import { calendarFrom, type HolidayCalendar } from '../rules/engine/workdays';

/**
 * The folder holding package.json, found upwards: bundled by run-ts (the bench),
 * __dirname is the entry's folder, not this file's.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const CALENDAR = join(projectRoot(__dirname), 'rules', 'calendar');

/** The holiday calendar the repository ships (rules/calendar), parsed as the kiosk parses it. */
export function shippedCalendar(): HolidayCalendar {
  return calendarFrom(
    jsonFileNames(CALENDAR).map((f) => {
      const parsed = parseCalendarFile(readFileSync(join(CALENDAR, f), 'utf8'), f);
      if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.problems)}`);
      return parsed.value;
    }),
  );
}
