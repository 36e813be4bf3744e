import type { ServiceRule } from './schema';

/** The shortest and longest time limit (working days, 0 = on the spot) a rule can give over its cases. */
export function timeLimitRange(rule: ServiceRule): { readonly min: number; readonly max: number } {
  const all = [rule.timeLimit.workingDays, ...rule.timeLimit.cases.map((c) => c.workingDays)];
  return { min: Math.min(...all), max: Math.max(...all) };
}
