import jsonLogic from 'json-logic-js';
import type { Condition } from './schema';

/** The data a rule condition can see. Keep in step with `knownVariables` (rules:check). */
export interface ConditionContext {
  readonly answers: Readonly<Record<string, string>>;
  readonly identity: {
    readonly kind: string;
    readonly sex: string;
    readonly age: number;
  } | null;
  readonly today: string;
}

/** Evaluates a JSONLogic condition with JSONLogic's own truthiness ([] and "" are false). */
export function holds(condition: Condition, context: ConditionContext): boolean {
  if (typeof condition === 'boolean') return condition;
  return jsonLogic.truthy(jsonLogic.apply(condition, context));
}
