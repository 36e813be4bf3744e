import { addDays, weekday, type IsoDate } from '../../base/dates';
import type { CalendarYearFile } from './calendar-file';

export type { CalendarYearFile } from './calendar-file';

/**
 * The State Council's yearly holiday arrangement: days off that fall on
 * weekdays, and weekend days that become working days (调休).
 */
export interface HolidayCalendar {
  /** Years whose arrangement has been published and entered. */
  readonly confirmedYears: ReadonlySet<number>;
  /** Years known only by their statutory days (no 调休 yet). */
  readonly provisionalYears: ReadonlySet<number>;
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export function calendarFrom(files: readonly CalendarYearFile[]): HolidayCalendar {
  return {
    confirmedYears: new Set(files.filter((f) => f.provisional !== true).map((f) => f.year)),
    provisionalYears: new Set(files.filter((f) => f.provisional === true).map((f) => f.year)),
    holidays: new Set(files.flatMap((f) => f.holidays)),
    workdays: new Set(files.flatMap((f) => f.workdays)),
  };
}

export function isWorkingDay(day: IsoDate, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const dow = weekday(day);
  return dow !== 0 && dow !== 6;
}

export interface DueDate {
  readonly date: IsoDate;
  /** False when the count ran into a year whose arrangement is not confirmed: print "to be confirmed". */
  readonly certain: boolean;
}

/**
 * The day by which an item taking `workingDays` must be finished when accepted
 * on `from`. The day of acceptance is not counted; 0 means the same day.
 */
export function dueDate(from: IsoDate, workingDays: number, calendar: HolidayCalendar): DueDate {
  const confirmed = (day: IsoDate): boolean => calendar.confirmedYears.has(Number(day.slice(0, 4)));
  let day = from;
  let left = workingDays;
  let certain = confirmed(from);
  while (left > 0) {
    day = addDays(day, 1);
    if (!confirmed(day)) certain = false;
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return { date: day, certain };
}
