import type { Question } from '../../rules/engine/schema';
import type { FieldError } from '../../rules/engine/validate';
import { assertNever } from '../../rules/engine/assert-never';
import type { MessageKey, Params } from '../i18n';

/** The plain-language message for an engine field error. */
export function fieldErrorMessage(
  t: (key: MessageKey, params?: Params) => string,
  error: FieldError,
  question: Question | undefined,
): string {
  switch (error.code) {
    case 'required':
      return t(question?.type === 'choice' ? 'errors.requiredChoice' : 'errors.required');
    case 'too_short':
      return t('errors.too_short', error.params);
    case 'too_long':
      return t('errors.too_long', error.params);
    case 'mobile_format':
      return t('errors.mobile_format');
    case 'pinyin_format':
      return t('errors.pinyin_format');
    case 'choice_invalid':
      return t('errors.choice_invalid');
    default:
      return assertNever(error.code, 'field error');
  }
}
