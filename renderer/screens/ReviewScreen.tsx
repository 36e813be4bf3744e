import { useReview } from './use-review';
import { limitAfterAcceptance } from '../../core/slip-lines';
import { describeRequirement } from '../../rules/engine/requirements';
import { Screen } from '../components/Screen';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { IdentityDetails } from '../components/IdentityDetails';
import { ReadMyDetails } from '../components/ReadMyDetails';
import { SignaturePad } from '../components/SignaturePad';
import { aside, formatFee } from '../format';
import { useT } from '../i18n';
import { lastQuestionScreen } from '../state/actions';
import { useUi } from '../state/ui';
import { displayAnswer } from './display-answer';
import { joinList } from '../../core/i18n';
import { assistanceLines } from '../../core/slip-lines';

/** "Check your answers": everything on one screen, each with a change link, then submit. */
export function ReviewScreen() {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const review = useReview();
  if (review === null) return null;
  const {
    rule,
    identity,
    identityCheck,
    evaluation,
    assistance,
    info,
    submitting,
    failure,
    storageOk,
    printerOk,
    change,
    summary,
    submit,
    materialsListed,
    bring,
    portrait,
    portraitTaken,
  } = review;

  return (
    <Screen
      name="review"
      title={t('review.title')}
      lead={t('review.hint')}
      start={
        <>
          <HomeButton />
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              materialsListed ? go({ name: 'materials' }) : lastQuestionScreen(evaluation)
            }
          >
            {t('review.back')}
          </button>
        </>
      }
      end={
        <button
          type="button"
          className="button button-primary"
          disabled={submitting || !evaluation.complete || !storageOk}
          onClick={() => void submit()}
        >
          {submitting ? t('review.submitting') : t('review.submit')}
        </button>
      }
    >
      {failure !== null && (
        <p className="notice notice-error" role="alert">
          {t(failure)}
        </p>
      )}
      {!storageOk && (
        <p className="notice notice-error" role="alert" data-testid="storage-low">
          {t('review.storageLow')}
        </p>
      )}
      {!printerOk && (
        <p className="notice" role="status" data-testid="printer-down">
          {t('review.printerDown')}
        </p>
      )}
      <ErrorSummary items={summary} />
      {evaluation.ineligible.length > 0 && (
        <div className="notice notice-error" role="alert">
          <strong>{t('review.ineligible')}</strong>
          <ul className="bullets">
            {evaluation.ineligible.map((e) => (
              <li key={e.id}>{l(e.reason)}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="summary summary-card">
        <div className="summary-row">
          <dt>{t('review.service')}</dt>
          <dd>{l(rule.name)}</dd>
        </div>
        {assistance !== null && assistance.assisted && (
          <div className="summary-row" data-testid="review-assistance">
            <dt>{t('review.assistance')}</dt>
            <dd>
              {joinList(
                assistanceLines(locale, {
                  greenChannelReason:
                    assistance.greenChannelReason === null
                      ? null
                      : l(
                          info?.guideReasons.find((r) => r.id === assistance.greenChannelReason)
                            ?.label ?? {
                            'zh-CN': assistance.greenChannelReason,
                            en: assistance.greenChannelReason,
                          },
                        ),
                  fillOnBehalf: assistance.fillOnBehalf,
                  skippedOptional: assistance.skipOptional,
                }),
                locale,
                true,
              ) || t('review.assistance')}
            </dd>
          </div>
        )}
        {rule.face.verify && (
          <div className="summary-row" data-testid="review-identity-check">
            <dt>{t('slip.identityCheck')}</dt>
            <dd>{t(`slip.identityCheck.${identityCheck ?? 'not_possible'}`)}</dd>
          </div>
        )}
        {portrait !== undefined && (
          <div className="summary-row" data-testid="review-portrait">
            <dt>{t('slip.portrait')}</dt>
            <dd>{t(portraitTaken ? 'slip.portrait.taken' : 'slip.portrait.window')}</dd>
          </div>
        )}
        {evaluation.greenChannel.length > 0 && (
          <div className="summary-row">
            <dt>{t('review.greenChannel')}</dt>
            <dd className="green-channel">
              {evaluation.greenChannel.map(l).join(locale === 'zh-CN' ? '；' : '; ')}
            </dd>
          </div>
        )}
      </dl>
      {identity !== null && (
        <section className="review-block" aria-labelledby="review-applicant">
          <h2 id="review-applicant" className="block-title">
            {t(evaluation.principal === null ? 'review.applicant' : 'review.agent')}
          </h2>
          <IdentityDetails identity={identity} fullIdNumber />
          <ReadMyDetails identity={identity} />
        </section>
      )}
      <section className="review-block" aria-labelledby="review-answers">
        <h2 id="review-answers" className="block-title">
          {t('review.answers')}
        </h2>
        {/* Answers are the citizen's own (a phone number, an address): the audio mode says them through the system voice only. */}
        <dl className="summary" data-personal>
          {evaluation.questions.map(({ question }) => {
            const value = evaluation.answers[question.id];
            return (
              <div className="summary-row" key={question.id}>
                <dt>{l(question.label)}</dt>
                <dd>
                  {value === undefined
                    ? t('review.empty')
                    : displayAnswer(question, value, locale, l)}
                </dd>
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
            );
          })}
        </dl>
      </section>
      {materialsListed && (
        <section className="review-block" aria-labelledby="review-materials">
          <h2 id="review-materials" className="block-title">
            {t('review.materialsBring')}
            <button
              type="button"
              className="link-button block-action"
              onClick={() => go({ name: 'materials' })}
            >
              {t('review.change')}
            </button>
          </h2>
          <ul className="bullets">
            {bring.map((r) => (
              <li key={r.id}>{l(r.name)}</li>
            ))}
          </ul>
          {evaluation.missing.length > 0 && (
            <>
              <h3 className="block-subtitle">{t('review.materialsMissing')}</h3>
              <ul className="bullets missing-list">
                {evaluation.missing.map((r) => {
                  const name = l(r.name);
                  const what = l(describeRequirement(r));
                  // A requirement of one material would only repeat its name: "X（X）".
                  return (
                    <li key={r.id}>
                      <strong>{name}</strong>
                      {what !== name && <span className="muted">{aside(what, locale)}</span>}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      )}
      <section className="review-block" aria-labelledby="review-fee">
        <h2 id="review-fee" className="block-title">
          {t('review.fee')}
        </h2>
        <dl className="summary">
          {evaluation.fee.items.map((item, i) => (
            <div className="summary-row" key={i}>
              <dt>{l(item.label)}</dt>
              <dd>{formatFee(item.amount)}</dd>
            </div>
          ))}
          <div className="summary-row">
            <dt>{t('review.feeTotal')}</dt>
            <dd className="emphasis">
              {evaluation.fee.total === 0 ? t('review.feeNone') : formatFee(evaluation.fee.total)}
            </dd>
          </div>
          <div className="summary-row">
            <dt>{t('review.due')}</dt>
            <dd className="emphasis">{limitAfterAcceptance(locale, evaluation.timeLimit)}</dd>
          </div>
          {evaluation.outcomes.map((o) => (
            <div className="summary-row" key={o.id}>
              <dt>{l(o.label)}</dt>
              <dd className="emphasis">{l(o.text)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="review-block" aria-labelledby="review-signature">
        <h2 id="review-signature" className="block-title">
          {t('review.signature')}
        </h2>
        <p>{t('form.declaration')}</p>
        <p className="muted">{t('review.signatureHint')}</p>
        <SignaturePad />
      </section>
    </Screen>
  );
}
