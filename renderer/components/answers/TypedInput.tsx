import { useT } from '../../i18n';
import { ChineseKeyboard } from '../ChineseKeyboard';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/**
 * Chinese text (names, addresses, free text), typed on the on-screen pinyin
 * keyboard; a technician's physical keyboard types into the field too.
 */
export function TypedInput({
  value,
  invalid,
  prefilled,
  describedBy,
  onChange,
  multiline,
  kind,
  maxLength,
}: AnswerInputProps & {
  readonly multiline: boolean;
  readonly kind: 'name' | 'address' | 'text';
  readonly maxLength: number;
}) {
  const { t } = useT();
  const common = {
    id: INPUT_ID,
    value,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoComplete: 'off',
    // The on-screen keyboard below is the keyboard: no system one pops up over it.
    inputMode: 'none',
    maxLength,
    // Answers are typed in Chinese or Latin letters: they run left to right in a Uyghur screen too.
    dir: 'auto',
  } as const;
  return (
    <div className="typed">
      {multiline ? (
        <textarea
          {...common}
          className="text-input text-area"
          rows={3}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input {...common} className="text-input" onChange={(e) => onChange(e.target.value)} />
      )}
      {prefilled && <p className="hint">{t('question.prefilled')}</p>}
      <ChineseKeyboard value={value} onChange={onChange} kind={kind} maxLength={maxLength} />
    </div>
  );
}
