import { useEffect, useState } from 'react';
import { suggestedAnswer } from '../../rules/engine/evaluate';
import type { Question } from '../../rules/engine/schema';
import { ActionBar } from '../components/ActionBar';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { Keypad } from '../components/Keypad';
import { useT } from '../i18n';
import { screenAfter, screenBefore } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { fieldErrorMessage } from './field-errors';
import { useScreenHeading } from './use-screen-heading';

const INPUT_ID = 'answer';

/** One question per screen (GOV.UK pattern), driven entirely by the rule file. */
export function QuestionScreen({ questionId }: { readonly questionId: string }) {
  const { t, l } = useT();
  const go = useUi((s) => s.go);
  const evaluation = useEvaluation();
  const identity = useJourney((s) => s.identity);
  const answers = useJourney((s) => s.answers);
  const setAnswer = useJourney((s) => s.setAnswer);
  const [showErrors, setShowErrors] = useState(false);
  const heading = useScreenHeading<HTMLLabelElement & HTMLHeadingElement>();

  const index = evaluation?.questions.findIndex((q) => q.question.id === questionId) ?? -1;
  const state = index >= 0 ? evaluation?.questions[index] : undefined;
  const question = state?.question;
  const value = answers[questionId];
  const prefilled = question !== undefined ? suggestedAnswer(question, identity) : '';

  useEffect(() => {
    if (question !== undefined && value === undefined && prefilled !== '')
      setAnswer(question.id, prefilled);
  }, [question, value, prefilled, setAnswer]);

  useEffect(() => {
    // An earlier answer hid this question: carry on to the review.
    if (evaluation !== null && question === undefined) go({ name: 'review' });
  }, [evaluation, question, go]);

  if (evaluation === null || question === undefined || state === undefined) return null;

  const errors = evaluation.fieldErrors.filter((e) => e.questionId === questionId);
  const messages = showErrors ? errors.map((e) => fieldErrorMessage(t, e, question)) : [];
  const current = value ?? '';
  const total = evaluation.questions.length;

  return (
    <section className="screen screen-question" aria-labelledby="screen-title">
      <div className="progress">
        <span className="progress-text">
          {t('question.progress', { current: index + 1, total })}
        </span>
        <div className="progress-bar" aria-hidden="true">
          <div className="progress-fill" style={{ width: `${((index + 1) / total) * 100}%` }} />
        </div>
      </div>
      <ErrorSummary items={messages.map((message) => ({ targetId: INPUT_ID, message }))} />
      <div className={`question${messages.length > 0 ? ' has-error' : ''}`}>
        <h1 className="screen-title" id="screen-title">
          <label
            htmlFor={question.type === 'choice' ? undefined : INPUT_ID}
            ref={heading}
            tabIndex={-1}
          >
            {l(question.label)}
            {!state.required && <span className="optional"> {t('question.optional')}</span>}
          </label>
        </h1>
        {question.help !== undefined && (
          <p className="question-help" id="answer-help">
            {l(question.help)}
          </p>
        )}
        {messages.map((message) => (
          <p className="field-error" id="answer-error" key={message}>
            {message}
          </p>
        ))}
        <AnswerInput
          question={question}
          value={current}
          invalid={messages.length > 0}
          prefilled={prefilled !== '' && current === prefilled}
          onChange={(next) => {
            setAnswer(question.id, next);
            setShowErrors(false);
          }}
        />
      </div>
      <ActionBar
        start={
          <>
            <HomeButton />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => screenBefore(evaluation, questionId)}
            >
              {t('app.back')}
            </button>
          </>
        }
        end={
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              if (errors.length > 0) setShowErrors(true);
              else screenAfter(evaluation, questionId);
            }}
          >
            {t('app.next')}
          </button>
        }
      />
    </section>
  );
}

function AnswerInput({
  question,
  value,
  invalid,
  prefilled,
  onChange,
}: {
  readonly question: Question;
  readonly value: string;
  readonly invalid: boolean;
  readonly prefilled: boolean;
  readonly onChange: (value: string) => void;
}) {
  const { t, l } = useT();
  const describedBy = [question.help ? 'answer-help' : '', invalid ? 'answer-error' : '']
    .filter(Boolean)
    .join(' ');
  switch (question.type) {
    case 'choice':
      return (
        <div
          className="choices"
          role="radiogroup"
          aria-labelledby="screen-title"
          id={INPUT_ID}
          tabIndex={-1}
        >
          {question.options.map((option) => (
            <label
              className={`choice${value === option.value ? ' is-selected' : ''}`}
              key={option.value}
            >
              <input
                type="radio"
                name={question.id}
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
    case 'mobile':
    case 'pinyin': {
      const layout = question.type === 'mobile' ? 'digits' : 'letters';
      const max = question.type === 'mobile' ? 11 : 40;
      return (
        <div className="typed">
          <input
            id={INPUT_ID}
            className="text-input"
            value={value}
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={max}
            aria-invalid={invalid}
            aria-describedby={describedBy || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {prefilled && <p className="hint">{t('question.prefilled')}</p>}
          <Keypad
            layout={layout}
            onKey={(key) => onChange((value + key).slice(0, max))}
            onDelete={() => onChange(Array.from(value).slice(0, -1).join(''))}
            onClear={() => onChange('')}
          />
        </div>
      );
    }
    case 'text':
    case 'address':
      return (
        <div className="typed">
          <textarea
            id={INPUT_ID}
            className="text-input text-area"
            value={value}
            rows={3}
            aria-invalid={invalid}
            aria-describedby={describedBy || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {prefilled && <p className="hint">{t('question.prefilled')}</p>}
        </div>
      );
  }
}
