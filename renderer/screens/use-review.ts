import { useEffect, useState } from 'react';
import { portraitOnly, provedByCard } from '../../rules/engine/requirements';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { useT, type MessageKey } from '../i18n';
import { isFullLocale } from '../i18n/locale';
import { printAndKeep } from '../receipt/print-slip';
import { needsMaterialsScreen } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { printerReady, useDevices } from '../state/devices';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { basisLine, fieldErrorMessage } from './field-errors';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

/**
 * What the review does, apart from how it looks: the answers checked once more
 * (every problem, each with a link back to its question), the disk asked
 * before the citizen confirms, and the submission — paid here first where the
 * station takes the fee, the slip printed once its translation is drawn. Null
 * until the rules and the evaluation are there.
 */
export function useReview() {
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
      message: `${question === undefined ? error.questionId : l(question.label)}${separator}${fieldErrorMessage(t, l, error, question)}${error.basis === undefined ? '' : ` ${basisLine(t, l, error.basis)}`}`,
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

  return {
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
  };
}
