import { addDays, type IsoDate } from '../../base/dates';
import type { RuleProblem } from './rule-problem';
import type { ServiceRule } from './schema';
import { dueDate, type HolidayCalendar } from './workdays';

type Limit = { readonly days: number; readonly unit: 'working' | 'calendar' };

const due = (from: IsoDate, limit: Limit, calendar: HolidayCalendar): IsoDate =>
  limit.unit === 'calendar' ? addDays(from, limit.days) : dueDate(from, limit.days, calendar).date;

const describe = (limit: Limit): string =>
  limit.days === 0 ? '当场' : `${limit.days} ${limit.unit === 'working' ? 'working days' : 'days'}`;

/**
 * A promised time limit never ends later than the statutory one, on any start
 * day of the years the calendar confirms: 10 working days look shorter than
 * 15 days, until a September application runs into the National Day week.
 * Each promise (the base, and each case) is held to its own `statutory`, or
 * to the item's. Returns the first day each promise breaks it.
 */
export function statutoryLimitProblems(
  rule: ServiceRule,
  calendar: HolidayCalendar,
): RuleProblem[] {
  const years = [...calendar.confirmedYears].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return [];
  const { timeLimit } = rule;
  // An unconditional case replaces the base: the base is then never promised to anyone.
  const baseUsed = !timeLimit.cases.some((c) => c.when === true);
  const promises: { path: string; limit: Limit; statutory: typeof timeLimit.statutory }[] = [
    ...(baseUsed
      ? [
          {
            path: '$.timeLimit.workingDays',
            limit: { days: timeLimit.workingDays, unit: 'working' as const },
            statutory: timeLimit.statutory,
          },
        ]
      : []),
    ...timeLimit.cases.map((c, i) => ({
      path: `$.timeLimit.cases[${i}]`,
      limit:
        'days' in c
          ? { days: c.days, unit: 'calendar' as const }
          : { days: c.workingDays, unit: 'working' as const },
      statutory: c.statutory ?? timeLimit.statutory,
    })),
  ];
  const problems: RuleProblem[] = [];
  for (const { path, limit, statutory } of promises) {
    if (statutory === undefined) continue;
    for (let day = `${first}-01-01`; day <= `${last}-12-31`; day = addDays(day, 1)) {
      const promised = due(day, limit, calendar);
      const lawful = due(day, statutory, calendar);
      if (promised > lawful) {
        problems.push({
          path,
          message: `the promise (${describe(limit)}) ends after the statutory ${describe(statutory)} (${statutory.basis['zh-CN']}) when accepted on ${day}: ${promised} > ${lawful}`,
        });
        break;
      }
    }
  }
  return problems;
}
