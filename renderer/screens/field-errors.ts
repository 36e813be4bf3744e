import type { LocalText, Question } from '../../rules/engine/schema';
import type { FieldError } from '../../rules/engine/validate';
import { assertNever } from '../../base/assert-never';
import { isolated } from '../../base/text-format';
import type { MessageKey, Params } from '../i18n';

/** The plain-language message for an engine field error; a rule file's own message wins. */
export function fieldErrorMessage(
  t: (key: MessageKey, params?: Params) => string,
  l: (text: LocalText) => string,
  error: FieldError,
  question: Question | undefined,
): string {
  if (error.message !== undefined) return l(error.message);
  switch (error.code) {
    case 'required':
      return t(
        question?.type === 'choice' || question?.type === 'region'
          ? 'errors.requiredChoice'
          : 'errors.required',
      );
    case 'too_short':
      return t('errors.too_short', error.params);
    case 'too_long':
      return t('errors.too_long', error.params);
    case 'date_year_unlikely':
      return t('errors.date_year_unlikely', error.params);
    case 'mobile_format':
    case 'pinyin_format':
    case 'choice_invalid':
    case 'pattern':
    case 'name_format':
    case 'id_format':
    case 'id_check_digit':
    case 'id_birth_date':
    case 'date_format':
    case 'date_not_real':
    case 'symbol_not_allowed':
    case 'date_in_future':
    case 'date_in_past':
    case 'region_unknown':
      return t(`errors.${error.code}`);
    case 'check':
      // A check always carries its rule-file message; this is a fallback for a malformed one.
      return t('errors.pattern');
    default:
      return assertNever(error.code, 'field error');
  }
}

/**
 * 「依据：…」, the article that stops the citizen, as every screen shows it under the refusal: set
 * apart from the words around it, so a Chinese citation keeps its order on a Uyghur screen.
 */
export function basisLine(
  t: (key: MessageKey, params?: Params) => string,
  l: (text: LocalText) => string,
  basis: LocalText,
): string {
  return t('errors.basis', { basis: isolated(l(basis)) });
}
