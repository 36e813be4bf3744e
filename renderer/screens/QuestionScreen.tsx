import { Fragment, useEffect, useState } from 'react';
import { suggestedAnswer } from '../../rules/engine/evaluate';
import { usePassportPinyin } from '../state/passport-pinyin';
import { ActionBar } from '../components/ActionBar';
import { AnswerInput, INPUT_ID } from '../components/answers/AnswerInput';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { RefusalPrint } from '../components/RefusalPrint';
import { useT } from '../i18n';
import { screenAfter, screenBefore } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { basisLine, fieldErrorMessage } from './field-errors';
import { keyPrompt } from '../voice/prompt';
import { say } from '../voice/speaker';
import { useScreenVoice } from '../voice/use-screen-voice';
import { useScreenHeading } from './use-screen-heading';

/** One question per screen (GOV.UK pattern), driven entirely by the rule file. */
export function QuestionScreen({ questionId }: { readonly questionId: string }) {
  const { t, l } = useT();
  const go = useUi((s) => s.go);
  const evaluation = useEvaluation();
  const answers = useJourney((s) => s.answers);
  const setAnswer = useJourney((s) => s.setAnswer);
  const [showErrors, setShowErrors] = useState(false);
  const index = evaluation?.questions.findIndex((q) => q.question.id === questionId) ?? -1;
  const state = index >= 0 ? evaluation?.questions[index] : undefined;
  const question = state?.question;
  // The question may render a moment after the screen (the evaluation comes first).
  const heading = useScreenHeading<HTMLLabelElement & HTMLHeadingElement>(question?.id);
  const value = answers[questionId];
  const romanize = usePassportPinyin();
  const prefilled =
    question !== undefined
      ? suggestedAnswer(question, evaluation?.applicant ?? null, romanize ?? undefined)
      : '';

  useEffect(() => {
    if (question !== undefined && value === undefined && prefilled !== '')
      setAnswer(question.id, prefilled);
  }, [question, value, prefilled, setAnswer]);

  useEffect(() => {
    // An earlier answer hid this question: carry on to the review.
    if (evaluation !== null && question === undefined) go({ name: 'review' });
  }, [evaluation, question, go]);

  useScreenVoice(
    question === undefined ? null : { kind: 'label', text: question.label },
    'voice.question',
    questionId,
  );

  if (evaluation === null || question === undefined || state === undefined) return null;
  // Passport pinyin comes in its own chunk (fetched after the first screen): its question waits
  // the moment it may take rather than start empty and be filled in under the citizen's eyes.
  if (question.type === 'pinyin' && romanize === null && evaluation.applicant !== null)
    return <p className="screen-lead">{t('app.loading')}</p>;

  const errors = evaluation.fieldErrors.filter((e) => e.questionId === questionId);
  const shown = showErrors
    ? errors.map((e) => ({
        message: fieldErrorMessage(t, l, e, question),
        // The law that stops the citizen here, beside its words (a consistency check has none).
        basis: e.basis === undefined ? null : basisLine(t, l, e.basis),
      }))
    : [];
  const messages = shown.map((e) => e.message);
  const current = value ?? '';
  const total = evaluation.questions.length;
  const labelled =
    question.type !== 'choice' && question.type !== 'region' && question.type !== 'date';
  const describedBy =
    [
      question.help ? 'answer-help' : '',
      messages.length > 0 ? 'answer-error' : '',
      shown.some((e) => e.basis !== null) ? 'answer-basis' : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;

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
          <label htmlFor={labelled ? INPUT_ID : undefined} ref={heading} tabIndex={-1}>
            {l(question.label)}
            {!state.required && <span className="optional"> {t('question.optional')}</span>}
          </label>
        </h1>
        {question.help !== undefined && (
          <p className="question-help" id="answer-help">
            {l(question.help)}
          </p>
        )}
        {shown.map(({ message, basis }) => (
          <Fragment key={message}>
            <p className="field-error" id="answer-error">
              {message}
            </p>
            {basis !== null && (
              <>
                <p className="field-basis" id="answer-basis">
                  {basis}
                </p>
                <RefusalPrint questionId={questionId} />
              </>
            )}
          </Fragment>
        ))}
        <AnswerInput
          state={state}
          value={current}
          invalid={messages.length > 0}
          prefilled={prefilled !== '' && current === prefilled}
          describedBy={describedBy}
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
              if (errors.length > 0) {
                setShowErrors(true);
                say(keyPrompt('voice.questionError'));
              } else screenAfter(evaluation, questionId);
            }}
          >
            {t('app.next')}
          </button>
        }
      />
    </section>
  );
}
