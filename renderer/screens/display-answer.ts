import { regionName } from '../../rules/data/regions';
import { assertNever } from '../../base/assert-never';
import type { LocalText, Question } from '../../rules/engine/schema';
import { formatDate } from '../format';
import type { Locale } from '../i18n';

/** An answer as a citizen reads it back: option labels, region names, dates in words. */
export function displayAnswer(
  question: Question,
  value: string,
  locale: Locale,
  l: (text: LocalText) => string,
): string {
  switch (question.type) {
    case 'choice': {
      const option = question.options.find((o) => o.value === value);
      return option === undefined ? value : l(option.label);
    }
    case 'region':
      return regionName(value) ?? value;
    case 'date':
      return formatDate(value, locale);
    case 'text':
    case 'address':
    case 'mobile':
    case 'name':
    case 'idNumber':
    case 'pinyin':
      return value;
    default:
      return assertNever(question, 'question type');
  }
}
