import { useT } from '../../i18n';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/** Large radio cards: the whole card is the target, the mark and the words both show the choice. */
export function ChoiceInput({ state, value, onChange }: AnswerInputProps) {
  const { l } = useT();
  return (
    <div
      className="choices"
      role="radiogroup"
      aria-labelledby="screen-title"
      id={INPUT_ID}
      tabIndex={-1}
    >
      {state.options.map((option) => (
        <label
          className={`choice${value === option.value ? ' is-selected' : ''}`}
          key={option.value}
        >
          <input
            type="radio"
            name={state.question.id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span className="choice-mark" aria-hidden="true" />
          <span className="choice-text">
            <span className="choice-label">{l(option.label)}</span>
            {option.help !== undefined && <span className="choice-help">{l(option.help)}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
