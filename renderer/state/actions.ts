import type { Evaluation } from '../../rules/engine/evaluate';
import { kiosk } from '../api/kiosk';
import { stopSpeaking, useVoice } from '../voice/speaker';
import { useAssist } from './assist';
import { useJourney } from './journey';
import { useUi } from './ui';

/** Loads the kiosk's identity and service list; the home screen waits for this. */
export async function loadKiosk(): Promise<boolean> {
  const [info, services] = await Promise.all([kiosk.getKioskInfo({}), kiosk.listServices({})]);
  if (!info.ok || !services.ok) return false;
  useUi.getState().setKiosk(info.value, services.value);
  return true;
}

/**
 * Ends the session everywhere: the main process drops its copy of the
 * identity, the renderer wipes its journey slice, the screen returns home in
 * the kiosk's default language.
 */
export async function endJourney(reason: 'finished' | 'cancelled' | 'idle'): Promise<void> {
  useJourney.getState().wipe();
  stopSpeaking();
  useVoice.getState().clear();
  // The next visitor starts with the kiosk as it normally is.
  useAssist.getState().reset();
  const ui = useUi.getState();
  ui.go({ name: 'home' });
  if (ui.info !== null) ui.setLocale(ui.info.defaultLocale);
  await kiosk.endSession({ reason });
}

/** Whether the journey has materials the citizen must account for (beyond the card the kiosk read). */
export function needsMaterialsScreen(evaluation: Evaluation): boolean {
  return evaluation.requirements.some((r) =>
    r.options.some((o) => o.some((m) => m.capture !== 'idcard')),
  );
}

/** The screen after a question: the next visible one, the materials, or the review (also when coming from it). */
export function screenAfter(evaluation: Evaluation, questionId: string): void {
  const { go } = useUi.getState();
  const journey = useJourney.getState();
  const ids = evaluation.questions.map((q) => q.question.id);
  const next = ids[ids.indexOf(questionId) + 1];
  if (journey.returnToReview) {
    journey.setReturnToReview(false);
    go({ name: 'review' });
    return;
  }
  if (next !== undefined) go({ name: 'question', questionId: next });
  else go(needsMaterialsScreen(evaluation) ? { name: 'materials' } : { name: 'review' });
}

export function screenBefore(evaluation: Evaluation, questionId: string): void {
  const { go } = useUi.getState();
  const ids = evaluation.questions.map((q) => q.question.id);
  const previous = ids[ids.indexOf(questionId) - 1];
  go(previous === undefined ? { name: 'idcard' } : { name: 'question', questionId: previous });
}

/** Back from the materials or review screen: to the last question (or the ID card). */
export function lastQuestionScreen(evaluation: Evaluation): void {
  const last = evaluation.questions.at(-1)?.question.id;
  useUi
    .getState()
    .go(last === undefined ? { name: 'idcard' } : { name: 'question', questionId: last });
}
