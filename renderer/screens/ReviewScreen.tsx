import { useState } from 'react';
import type { Question } from '../../rules/engine/schema';
import type { FieldErrorCode } from '../../rules/engine/validate';
import { kiosk } from '../api/kiosk';
import { ActionBar } from '../components/ActionBar';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { IdentityDetails } from '../components/IdentityDetails';
import { aside, formatDate, formatFee } from '../format';
import { useT, type MessageKey } from '../i18n';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { fieldErrorMessage } from './field-errors';
import { useScreenHeading } from './use-screen-heading';

const SUBMIT_ERRORS: Readonly<Record<string, MessageKey>> = {
  invalid_application: 'submit.error.invalid_application',
  no_session: 'submit.error.no_session',
  identity_missing: 'submit.error.identity_missing',
  identity_expired: 'submit.error.identity_expired',
  identity_not_accepted: 'submit.error.identity_not_accepted',
  disk_full: 'submit.error.disk_full',
};

/** "Check your answers": everything on one screen, each with a change link, then submit. */
export function ReviewScreen() {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const rule = useJourney((s) => s.rule);
  const identity = useJourney((s) => s.identity);
  const setSlip = useJourney((s) => s.setSlip);
  const setReturnToReview = useJourney((s) => s.setReturnToReview);
  const evaluation = useEvaluation();
  const heading = useScreenHeading();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [serverErrors, setServerErrors] = useState<readonly { questionId: string; code: string }[]>(
    [],
  );

  if (rule === null || evaluation === null) return null;

  const display = (question: Question, value: string | undefined): string => {
    if (value === undefined || value === '') return t('review.empty');
    if (question.type === 'choice') {
      const option = question.options.find((o) => o.value === value);
      return option === undefined ? value : l(option.label);
    }
    return value;
  };
  const change = (questionId: string): void => {
    setReturnToReview(true);
    go({ name: 'question', questionId });
  };

  const problems = [
    ...evaluation.fieldErrors.map((e) => ({
      questionId: e.questionId,
      code: e.code,
      params: e.params,
    })),
    ...serverErrors.map((e) => ({ ...e, params: {} })),
  ];
  const summary = problems.map((p) => {
    const question = rule.questions.find((q) => q.id === p.questionId);
    const error = { questionId: p.questionId, code: p.code as FieldErrorCode, params: p.params };
    const label = question === undefined ? p.questionId : l(question.label);
    const separator = locale === 'zh-CN' ? '：' : ': ';
    return {
      targetId: `change-${p.questionId}`,
      message: `${label}${separator}${fieldErrorMessage(t, error, question)}`,
    };
  });

  const submit = async (): Promise<void> => {
    setSubmitting(true);
    setFailure(null);
    const result = await kiosk.submitApplication({
      serviceId: rule.id,
      answers: evaluation.answers,
    });
    setSubmitting(false);
    if (result.ok) {
      setSlip(result.value);
      go({ name: 'slip' });
      return;
    }
    setFailure(SUBMIT_ERRORS[result.error.code] ?? 'submit.error.generic');
    setServerErrors(
      (result.error.details ?? []).map((d) => ({ questionId: d.path, code: d.code })),
    );
  };

  return (
    <section className="screen screen-review" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {t('review.title')}
      </h1>
      <p className="screen-lead">{t('review.hint')}</p>
      {failure !== null && (
        <p className="notice notice-error" role="alert">
          {t(failure)}
        </p>
      )}
      <ErrorSummary items={summary} />
      <dl className="summary">
        <div className="summary-row">
          <dt>{t('review.service')}</dt>
          <dd>{l(rule.name)}</dd>
        </div>
      </dl>
      {identity !== null && (
        <section className="review-block" aria-labelledby="review-applicant">
          <h2 id="review-applicant" className="block-title">
            {t('review.applicant')}
          </h2>
          <IdentityDetails identity={identity} fullIdNumber />
        </section>
      )}
      <section className="review-block" aria-labelledby="review-answers">
        <h2 id="review-answers" className="block-title">
          {t('review.answers')}
        </h2>
        <dl className="summary">
          {evaluation.questions.map(({ question }) => (
            <div className="summary-row" key={question.id}>
              <dt>{l(question.label)}</dt>
              <dd>{display(question, evaluation.answers[question.id])}</dd>
              <dd className="summary-action">
                <button
                  type="button"
                  className="link-button"
                  id={`change-${question.id}`}
                  aria-label={t('review.changeLabel', { label: l(question.label) })}
                  onClick={() => change(question.id)}
                >
                  {t('review.change')}
                </button>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="review-block" aria-labelledby="review-fee">
        <h2 id="review-fee" className="block-title">
          {t('review.fee')}
        </h2>
        <dl className="summary">
          <div className="summary-row">
            <dt>{l(evaluation.fee.label)}</dt>
            <dd className="emphasis">
              {evaluation.fee.amount === 0 ? t('review.feeNone') : formatFee(evaluation.fee.amount)}
            </dd>
          </div>
          <div className="summary-row">
            <dt>{t('review.due')}</dt>
            <dd className="emphasis">
              {rule.timeLimit.workingDays === 0
                ? t('timeLimit.onSpot')
                : formatDate(evaluation.due.date, locale)}
            </dd>
          </div>
        </dl>
      </section>
      <section className="review-block" aria-labelledby="review-materials">
        <h2 id="review-materials" className="block-title">
          {t('review.materials')}
        </h2>
        <ul className="bullets">
          {evaluation.materials.map((m) => (
            <li key={m.id}>
              {l(m.name)}
              {m.notes !== undefined && <span className="muted">{aside(l(m.notes), locale)}</span>}
            </li>
          ))}
        </ul>
      </section>
      <ActionBar
        start={<HomeButton />}
        end={
          <button
            type="button"
            className="button button-primary"
            disabled={submitting || !evaluation.complete}
            onClick={() => void submit()}
          >
            {submitting ? t('review.submitting') : t('review.submit')}
          </button>
        }
      />
    </section>
  );
}
