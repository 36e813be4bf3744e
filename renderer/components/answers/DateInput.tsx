import { useT } from '../../i18n';
import { Keypad } from '../Keypad';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/** `20270315` → `2027-03-15`; partial input keeps its dashes so it reads as it grows. */
export function dateFromDigits(digits: string): string {
  const d = digits.replace(/\D/g, '').slice(0, 8);
  if (d.length <= 4) return d;
  if (d.length <= 6) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}

/**
 * A date typed on the digit keys into year, month and day boxes: no tiny
 * calendar popup to aim at, and the boxes show what is still to type.
 */
export function DateInput({ value, invalid, describedBy, onChange }: AnswerInputProps) {
  const { t } = useT();
  const digits = value.replace(/\D/g, '');
  const part = (from: number, to: number): string => digits.slice(from, to).padEnd(to - from, '_');
  return (
    <div className="typed">
      <div
        className={`date-boxes${invalid ? ' is-invalid' : ''}`}
        id={INPUT_ID}
        role="textbox"
        tabIndex={0}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-label={`${part(0, 4)}${t('question.year')}${part(4, 6)}${t('question.month')}${part(6, 8)}${t('question.day')}`}
        onKeyDown={(event) => {
          if (/^\d$/.test(event.key)) onChange(dateFromDigits(digits + event.key));
          if (event.key === 'Backspace') onChange(dateFromDigits(digits.slice(0, -1)));
        }}
      >
        <span className="date-box date-year">{part(0, 4)}</span>
        <span className="date-unit">{t('question.year')}</span>
        <span className="date-box">{part(4, 6)}</span>
        <span className="date-unit">{t('question.month')}</span>
        <span className="date-box">{part(6, 8)}</span>
        <span className="date-unit">{t('question.day')}</span>
      </div>
      <p className="hint">{t('question.dateHint')}</p>
      <Keypad
        layout="digits"
        onKey={(key) => onChange(dateFromDigits(digits + key))}
        onDelete={() => onChange(dateFromDigits(digits.slice(0, -1)))}
        onClear={() => onChange('')}
      />
    </div>
  );
}
