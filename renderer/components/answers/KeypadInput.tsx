import { useT } from '../../i18n';
import { Keypad, type KeypadLayout } from '../Keypad';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/** A field filled from large on-screen keys; a technician's physical keyboard works too. */
export function KeypadInput({
  value,
  invalid,
  prefilled,
  describedBy,
  onChange,
  layout,
  maxLength,
}: AnswerInputProps & { readonly layout: KeypadLayout; readonly maxLength: number }) {
  const { t } = useT();
  return (
    <div className="typed">
      <input
        id={INPUT_ID}
        className="text-input"
        // Numbers read left to right in every language, Uyghur included.
        dir="ltr"
        value={value}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {prefilled && <p className="hint">{t('question.prefilled')}</p>}
      <Keypad
        layout={layout}
        onKey={(key) => onChange((value + key).slice(0, maxLength))}
        onDelete={() => onChange(Array.from(value).slice(0, -1).join(''))}
        onClear={() => onChange('')}
      />
    </div>
  );
}
