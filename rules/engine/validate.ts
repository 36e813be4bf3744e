import { isCountyCode } from '../data/regions';
import { assertNever } from '../../base/assert-never';
import { isRealDate } from '../../base/dates';
import { checkIdNumber } from './id-number';
import type { LocalText, Question } from './schema';

export type FieldErrorCode =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'pattern'
  | 'mobile_format'
  | 'pinyin_format'
  | 'name_format'
  | 'id_format'
  | 'id_check_digit'
  | 'id_birth_date'
  | 'date_format'
  /** Eight digits that name no day: 2027-02-30. */
  | 'date_not_real'
  /** A real day no document carries: 1026-05-01, 2926-05-01 (a slip of the year's first digits). */
  | 'date_year_unlikely'
  /** Emoji, flags and pictures: the slip, the A4 form and the back office cannot show them. */
  | 'symbol_not_allowed'
  | 'date_in_future'
  | 'date_in_past'
  | 'region_unknown'
  | 'choice_invalid'
  /** A rule file's own check failed; its message travels with the error. */
  | 'check';

export interface FieldError {
  readonly questionId: string;
  readonly code: FieldErrorCode;
  /** Numbers a message needs, e.g. {max: 100}. */
  readonly params: Readonly<Record<string, number>>;
  /** For `pattern` and `check`: the rule file's own words. */
  readonly message?: LocalText;
  /** For a `check` the law makes: the article (or document) that says so. */
  readonly basis?: LocalText;
}

/** Length as a person counts characters: 𠮷 is one, not two UTF-16 units. */
export const codePointLength = (text: string): number => Array.from(text).length;

/** Middle dots people type for minority names (•, ・, ．) become the standard U+00B7. */
const MIDDLE_DOTS = /[•・．.]/gu;

/** What the engine stores: trimmed, pinyin and ID numbers upper-cased, name dots unified. */
export function normalizeAnswer(question: Question, raw: string): string {
  const value = raw.trim();
  switch (question.type) {
    case 'pinyin':
      return value.toUpperCase().replace(/\s+/g, '');
    case 'idNumber':
      return value.toUpperCase().replace(/\s+/g, '');
    case 'name':
      return value.replace(/\s+/g, '').replace(MIDDLE_DOTS, '·');
    case 'mobile':
      return value.replace(/[\s-]+/g, '');
    case 'text':
    case 'address':
    case 'date':
    case 'region':
    case 'choice':
      return value;
    default:
      return assertNever(question, 'question type');
  }
}

/** Han characters (any plane) with single middle dots between parts: 买买提·艾力, 𠮷田. */
const CHINESE_NAME = /^\p{Script=Han}+(·\p{Script=Han}+)*$/u;

/**
 * Pictures, not writing: emoji and pictographs, flags (regional indicator pairs),
 * keycaps and skin tones. Rare Han characters (𠮷, 䶮) are writing and pass.
 */
const NOT_WRITING =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u{20E3}|\u{FE0F}/u;

/** No date a citizen is asked for (a birth, a death, a document's validity) lies outside these years. */
const EARLIEST_YEAR = 1900;
const LATEST_YEARS_AHEAD = 50;
const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
const plausibleYear = (isoDate: string, today: string): boolean =>
  yearOf(isoDate) >= EARLIEST_YEAR && yearOf(isoDate) <= yearOf(today) + LATEST_YEARS_AHEAD;

/** Checks one non-empty, normalized answer against its question's type. */
export function checkAnswer(question: Question, value: string, today: string): FieldError | null {
  const fail = (
    code: FieldErrorCode,
    params: Record<string, number> = {},
    message?: LocalText,
  ): FieldError =>
    message === undefined
      ? { questionId: question.id, code, params }
      : { questionId: question.id, code, params, message };
  switch (question.type) {
    case 'text': {
      if (NOT_WRITING.test(value)) return fail('symbol_not_allowed');
      const length = codePointLength(value);
      if (length < question.minLength) return fail('too_short', { min: question.minLength });
      if (length > question.maxLength) return fail('too_long', { max: question.maxLength });
      if (
        question.pattern !== undefined &&
        !new RegExp(`^(?:${question.pattern})$`, 'u').test(value)
      ) {
        return fail('pattern', {}, question.patternMessage);
      }
      return null;
    }
    case 'address': {
      if (NOT_WRITING.test(value)) return fail('symbol_not_allowed');
      const length = codePointLength(value);
      if (length < 5) return fail('too_short', { min: 5 });
      if (length > question.maxLength) return fail('too_long', { max: question.maxLength });
      return null;
    }
    case 'mobile':
      return /^1[3-9]\d{9}$/.test(value) ? null : fail('mobile_format');
    case 'pinyin':
      return /^[A-Z]{1,40}$/.test(value) ? null : fail('pinyin_format');
    case 'name': {
      const length = codePointLength(value);
      if (length < 2) return fail('too_short', { min: 2 });
      if (length > 30) return fail('too_long', { max: 30 });
      return CHINESE_NAME.test(value) ? null : fail('name_format');
    }
    case 'idNumber': {
      const problem = checkIdNumber(value, today);
      if (problem === null) return null;
      switch (problem) {
        case 'format':
          return fail('id_format');
        case 'check_digit':
          return fail('id_check_digit');
        case 'birth_date':
          return fail('id_birth_date');
        default:
          return assertNever(problem, 'ID number problem');
      }
    }
    case 'date':
      if (!isRealDate(value))
        return fail(/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date_not_real' : 'date_format');
      if (!plausibleYear(value, today)) return fail('date_year_unlikely', { year: yearOf(value) });
      if (question.range === 'past' && value > today) return fail('date_in_future');
      if (question.range === 'future' && value < today) return fail('date_in_past');
      return null;
    case 'region':
      return isCountyCode(value) ? null : fail('region_unknown');
    case 'choice':
      return question.options.some((o) => o.value === value) ? null : fail('choice_invalid');
    default:
      return assertNever(question, 'question type');
  }
}
