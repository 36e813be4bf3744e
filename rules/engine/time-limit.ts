import type { ServiceRule } from './schema';

/**
 * The shortest and longest time limit (working days, 0 = on the spot) a rule can give over its
 * cases. Cases counted in calendar days (跨省异地 20日) are left out of the home screen's range:
 * the guide's time-limit note states them, and the review and the slip show the one that applies.
 */
export function timeLimitRange(rule: ServiceRule): {
  readonly min: number;
  readonly max: number;
  /** Set when an unconditional case counts calendar days (居住证 15日): the item's one limit. */
  readonly calendarDays?: number;
} {
  const always = rule.timeLimit.cases.find((c) => c.when === true);
  if (always !== undefined)
    return 'days' in always
      ? { min: always.days, max: always.days, calendarDays: always.days }
      : { min: always.workingDays, max: always.workingDays };
  const all = [
    rule.timeLimit.workingDays,
    ...rule.timeLimit.cases.flatMap((c) => ('workingDays' in c ? [c.workingDays] : [])),
  ];
  return { min: Math.min(...all), max: Math.max(...all) };
}
