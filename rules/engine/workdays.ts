import { addDays, weekday, type IsoDate } from './dates';

/**
 * The State Council's yearly holiday arrangement: days off that fall on
 * weekdays, and weekend days that become working days (调休).
 */
export interface HolidayCalendar {
  readonly years: readonly number[];
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export interface CalendarYearFile {
  readonly year: number;
  readonly holidays: readonly IsoDate[];
  readonly workdays: readonly IsoDate[];
}

export function calendarFrom(files: readonly CalendarYearFile[]): HolidayCalendar {
  return {
    years: files.map((f) => f.year),
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
  /** False when the count ran into a year the calendar does not cover (weekends only were skipped there). */
  readonly calendarComplete: boolean;
}

/**
 * The day by which an item taking `workingDays` must be finished when accepted
 * on `from`. The day of acceptance is not counted; 0 means the same day.
 */
export function dueDate(from: IsoDate, workingDays: number, calendar: HolidayCalendar): DueDate {
  let day = from;
  let left = workingDays;
  let complete = calendar.years.includes(Number(from.slice(0, 4)));
  while (left > 0) {
    day = addDays(day, 1);
    if (!calendar.years.includes(Number(day.slice(0, 4)))) complete = false;
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return { date: day, calendarComplete: complete };
}
