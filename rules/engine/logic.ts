import jsonLogic from 'json-logic-js';
import { ageOn } from '../../base/dates';
import { isRealDate } from '../../base/dates';
import { birthDateOf, checkIdNumber } from './id-number';
import type { Condition } from './schema';

/** What the citizen said of a material: scanned or photographed here, will bring it, or does not have it. */
export const MATERIAL_DECLARATIONS = ['captured', 'bring', 'missing'] as const;
export type MaterialDeclaration = (typeof MATERIAL_DECLARATIONS)[number];

/** The data a rule condition can see. Keep in step with `CONTEXT_ROOTS` (rules:check). */
export interface ConditionContext {
  readonly answers: Readonly<Record<string, string>>;
  readonly identity: {
    readonly kind: string;
    readonly sex: string;
    readonly age: number;
    /** `YYYY-MM-DD` from the card or the typed ID number; '' when neither is known. */
    readonly birthDate: string;
    /** `YYYY-MM-DD`, or 长期; 长期 too when typed in (no card). */
    readonly validTo: string;
    /** False when the citizen typed name and ID number instead of placing the card (补领). */
    readonly hasCard: boolean;
    /** The applicant's own ID number ('' when not known): so a guardian or a principal is told apart from them. */
    readonly idNumber: string;
    /**
     * GB/T 2260 province ('11', '44') of the card's address, which is the 常住户口所在地
     * (居民身份证法 第三条); empty when there is no card or the address names none.
     */
    readonly province: string;
  } | null;
  /** The kiosk's own province, from the first digits of its station code (empty when they name none). */
  readonly station: { readonly province: string };
  readonly materials: Readonly<Record<string, MaterialDeclaration>>;
  readonly guide: { readonly greenChannel: boolean };
  /**
   * What the kiosk itself did: the 证件照 taken here (`taken`) or at the window,
   * and 人证核验 passed, failed, not possible here, or not asked for. Slip notes
   * and the window's instructions follow them.
   */
  readonly kiosk: { readonly photo: KioskPhoto; readonly identity: KioskIdentityCheck };
  readonly today: string;
}

export type KioskPhoto = 'taken' | 'window';
export type KioskIdentityCheck = 'passed' | 'failed' | 'not_possible' | 'not_asked';

/** Top-level names a `{"var": …}` may start with, and the fields under `identity` and `guide`. */
export const CONTEXT_ROOTS = {
  answers: 'question',
  materials: 'material',
  identity: ['kind', 'sex', 'age', 'birthDate', 'validTo', 'hasCard', 'idNumber', 'province'],
  station: ['province'],
  guide: ['greenChannel'],
  kiosk: ['photo', 'identity'],
  today: null,
} as const;

const dayNumber = (iso: unknown): number | null =>
  typeof iso === 'string' && isRealDate(iso) ? Date.parse(`${iso}T00:00:00Z`) / 86_400_000 : null;

/**
 * `{"days_between": [a, b]}`: whole days from date a to date b (negative when b is earlier),
 * or null when either is not a date — so "within 90 days before expiry" is plain data.
 */
jsonLogic.add_operation('days_between', (a: unknown, b: unknown) => {
  const from = dayNumber(a);
  const to = dayNumber(b);
  return from === null || to === null ? null : to - from;
});

/**
 * `{"age_from_id": [idNumber, today]}`: the completed years of the person an ID number
 * belongs to (from its birth date), or null when it is not a valid number — so
 * "the guardian is an adult" is plain data.
 */
jsonLogic.add_operation('age_from_id', (id: unknown, today: unknown) => {
  if (typeof id !== 'string' || typeof today !== 'string' || !isRealDate(today)) return null;
  if (checkIdNumber(id, today) !== null) return null;
  return ageOn(birthDateOf(id), today);
});

/**
 * `{"birth_date_from_id": [idNumber]}`: the birth date an ID number carries (`YYYY-MM-DD`),
 * or null when it is not a valid number — so "died before being born" is plain data.
 */
jsonLogic.add_operation('birth_date_from_id', (id: unknown) =>
  typeof id === 'string' && /^\d{17}[\dX]$/.test(id) && isRealDate(birthDateOf(id))
    ? birthDateOf(id)
    : null,
);

/** Evaluates a JSONLogic condition with JSONLogic's own truthiness ([] and "" are false). */
export function holds(condition: Condition, context: ConditionContext): boolean {
  if (typeof condition === 'boolean') return condition;
  return jsonLogic.truthy(jsonLogic.apply(condition, context));
}

/** Every `{"var": …}` path in a condition, for rules:check. */
export function variablesIn(condition: unknown): string[] {
  if (Array.isArray(condition)) return condition.flatMap(variablesIn);
  if (condition === null || typeof condition !== 'object') return [];
  return Object.entries(condition).flatMap(([op, args]) => {
    if (op === 'var') {
      const name: unknown = Array.isArray(args) ? args[0] : args;
      return typeof name === 'string' ? [name] : [];
    }
    return variablesIn(args);
  });
}

/** Every operation in a condition, outermost first: the one walk rules:check's checks share. */
export function operationsIn(
  condition: unknown,
): { readonly op: string; readonly args: unknown }[] {
  if (Array.isArray(condition)) return condition.flatMap(operationsIn);
  if (condition === null || typeof condition !== 'object') return [];
  return Object.entries(condition).flatMap(([op, args]) => [{ op, args }, ...operationsIn(args)]);
}

/** Every operator name in a condition, for rules:check (json-logic-js refuses unknown ones at run time). */
export function operatorsIn(condition: unknown): string[] {
  return operationsIn(condition).map((o) => o.op);
}

/**
 * Operators a rule file may use. JSONLogic's `log` is left out on purpose: it writes its
 * argument to the console, and an answer may be personal data.
 */
// prettier-ignore
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr', 'days_between', 'age_from_id',
  'birth_date_from_id',
]);

export const isAllowedOperator = (op: string): boolean => ALLOWED_OPERATORS.has(op);
