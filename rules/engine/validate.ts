import type { Question } from './schema';
import { assertNever } from './assert-never';

export type FieldErrorCode =
  'required' | 'too_short' | 'too_long' | 'mobile_format' | 'pinyin_format' | 'choice_invalid';

export interface FieldError {
  readonly questionId: string;
  readonly code: FieldErrorCode;
  /** Numbers a message needs, e.g. {max: 100}. */
  readonly params: Readonly<Record<string, number>>;
}

/** Length as a person counts characters: 𠮷 is one, not two UTF-16 units. */
export const codePointLength = (text: string): number => Array.from(text).length;

/** What the engine stores: trimmed, pinyin upper-cased. */
export function normalizeAnswer(question: Question, raw: string): string {
  const value = raw.trim();
  return question.type === 'pinyin' ? value.toUpperCase().replace(/\s+/g, '') : value;
}

/** Checks one non-empty answer against its question's type. */
export function checkAnswer(question: Question, value: string): FieldError | null {
  const fail = (code: FieldErrorCode, params: Record<string, number> = {}): FieldError => ({
    questionId: question.id,
    code,
    params,
  });
  switch (question.type) {
    case 'text':
    case 'address': {
      const length = codePointLength(value);
      const min = question.type === 'text' ? question.minLength : 5;
      if (length < min) return fail('too_short', { min });
      if (length > question.maxLength) return fail('too_long', { max: question.maxLength });
      return null;
    }
    case 'mobile':
      return /^1[3-9]\d{9}$/.test(value) ? null : fail('mobile_format');
    case 'pinyin':
      return /^[A-Z]{1,40}$/.test(value) ? null : fail('pinyin_format');
    case 'choice':
      return question.options.some((o) => o.value === value) ? null : fail('choice_invalid');
    default:
      return assertNever(question, 'question type');
  }
}
