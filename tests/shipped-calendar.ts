import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFileNames } from '../rules/node/bundle-files';
import { projectRoot } from './project-root';
import { parseCalendarFile } from '../rules/engine/load';
import { calendarFrom, type HolidayCalendar } from '../rules/engine/workdays';

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
