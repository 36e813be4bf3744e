import { useT } from '../../i18n';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/**
 * Chinese text (names, addresses). Typed with the on-screen pinyin keyboard
 * once it lands; a technician's physical keyboard and IME work meanwhile.
 */
export function TypedInput({
  value,
  invalid,
  prefilled,
  describedBy,
  onChange,
  multiline,
}: AnswerInputProps & { readonly multiline: boolean }) {
  const { t } = useT();
  const common = {
    id: INPUT_ID,
    value,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoComplete: 'off',
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
    </div>
  );
}
