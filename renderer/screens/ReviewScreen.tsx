import { useEffect, useState } from 'react';
import { limitAfterAcceptance } from '../../core/slip-lines';
import { describeRequirement, portraitOnly, provedByCard } from '../../rules/engine/requirements';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { ActionBar } from '../components/ActionBar';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { IdentityDetails } from '../components/IdentityDetails';
import { ReadMyDetails } from '../components/ReadMyDetails';
import { SignaturePad } from '../components/SignaturePad';
import { aside, formatFee } from '../format';
import { useT, type MessageKey } from '../i18n';
import { isFullLocale } from '../i18n/locale';
import { printAndKeep } from '../receipt/print-slip';
import { lastQuestionScreen, needsMaterialsScreen } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { printerReady, useDevices } from '../state/devices';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { displayAnswer } from './display-answer';
import { fieldErrorMessage } from './field-errors';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { joinList } from '../../core/i18n';
import { assistanceLines } from '../../core/slip-lines';
import { useScreenHeading } from './use-screen-heading';

/** "Check your answers": everything on one screen, each with a change link, then submit. */
export function ReviewScreen() {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const rule = useJourney((s) => s.rule);
  const identity = useJourney((s) => s.identity);
  const declarations = useJourney((s) => s.materials);
  const manualEntry = useJourney((s) => s.manualEntry);
  const signature = useJourney((s) => s.signature);
  const identityCheck = useJourney((s) => s.identityCheck);
  const setSlip = useJourney((s) => s.setSlip);
  const setReturnToReview = useJourney((s) => s.setReturnToReview);
  const evaluation = useEvaluation();
  const assistance = useJourney((s) => s.assistance);
  const info = useUi((s) => s.info);
  const heading = useScreenHeading();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  // Asked before the citizen confirms: better "this kiosk cannot store it" now than a failure after submitting.
  const [storageOk, setStorageOk] = useState(true);
  useEffect(() => {
    void kiosk.checkStorage({}).then((r) => setStorageOk(!r.ok || r.value.ok));
  }, []);
  const needsChanges =
    evaluation !== null && (evaluation.fieldErrors.length > 0 || evaluation.ineligible.length > 0);
  const printerOk = useDevices((s) => printerReady(s.devices));
  const reviewVoice = !storageOk
    ? 'voice.diskLow'
    : needsChanges
      ? 'voice.reviewErrors'
      : printerOk
        ? 'voice.review'
        : 'voice.reviewPrinterDown';
  useScreenVoice(keyPrompt(reviewVoice), null, reviewVoice);

  if (rule === null || evaluation === null) return null;

  const change = (questionId: string): void => {
    setReturnToReview(true);
    go({ name: 'question', questionId });
  };
  const separator = locale === 'zh-CN' ? '：' : ': ';
  const summary = evaluation.fieldErrors.map((error) => {
    const question = rule.questions.find((q) => q.id === error.questionId);
    return {
      targetId: `change-${error.questionId}`,
      message: `${question === undefined ? error.questionId : l(question.label)}${separator}${fieldErrorMessage(t, l, error, question)}`,
    };
  });

  const submit = async (): Promise<void> => {
    setSubmitting(true);
    setFailure(null);
    // 缴费 here first (the slip then says paid or not): printed after the payment screen.
    const paysHere =
      info?.payment.services.includes(rule.id) === true &&
      evaluation.fee.total > 0 &&
      assistance?.payAtWindow !== true;
    // In Uyghur or Tibetan the slip is printed from here, once its translation is drawn.
    const deferPrint = paysHere || !isFullLocale(locale);
    const result = await kiosk.submitApplication({
      serviceId: rule.id,
      answers: evaluation.answers,
      materials: declarations,
      manualEntry,
      signature,
      deferPrint,
    });
    setSubmitting(false);
    if (result.ok) {
      setSlip(result.value);
      if (paysHere) {
        go({ name: 'payment' });
        return;
      }
      go({ name: 'slip' });
      if (deferPrint) void printAndKeep(result.value, locale);
      return;
    }
    if (result.error.code === 'disk_full') setStorageOk(false);
    setFailure(errorMessage(result.error.code));
  };

  const materialsListed = needsMaterialsScreen(evaluation);
  const bring = evaluation.requirements.filter(
    (r) => r.satisfied && !provedByCard(r) && !portraitOnly(r),
  );
  const portrait = evaluation.requirements.find(portraitOnly);
  const portraitTaken =
    portrait !== undefined &&
    portrait.options.flat().some((m) => declarations[m.id] === 'captured');

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
      <ActionBar
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
      />
    </section>
  );
}
