import type { Evaluation } from '../../rules/engine/evaluate';
import { portraitOnly, provedByCard } from '../../rules/engine/requirements';
import { kiosk } from '../api/kiosk';
import { catalogsLoaded, loadCatalogs } from '../i18n';
import { takeBootData } from '../api/boot-data';
import type { BootData } from '../../core/api/boot-data';
import { syncKioskClock } from '../clock';
import { stopSpeaking, useVoice } from '../voice/speaker';
import { prefsOf, untouched, useAssist } from './assist';
import { useJourney } from './journey';
import { useStaff } from './staff';
import { useUi } from './ui';

/** Loads the kiosk's identity and service list; the home screen waits for this. */
export async function loadKiosk(): Promise<boolean> {
  const [info, services] = await Promise.all([kiosk.getKioskInfo({}), kiosk.listServices({})]);
  if (!info.ok || !services.ok) return false;
  return applyKiosk({ info: info.value, services: services.value });
}

/**
 * Puts the kiosk's identity and services into the UI store: at once (true) when the
 * station's languages need no download, else after the Uyghur or Tibetan words are in,
 * before a screen can be shown in them; a chunk that fails to load shows the same
 * "try again" screen as a failed call.
 */
function applyKiosk(data: BootData): true | Promise<boolean> {
  const apply = (): true => {
    syncKioskClock(data.info.now);
    useUi.getState().setKiosk(data.info, data.services);
    return true;
  };
  if (catalogsLoaded(data.info.languages)) return apply();
  return loadCatalogs(data.info.languages).then(apply, () => false);
}

let earlyLoad: Promise<boolean> | null = null;

/**
 * Before React's first render (main.tsx): takes the data index.html carries, so the
 * first render is the home screen itself (true); without them, starts loadKiosk so
 * the data are on their way while the first frame is built, not asked for after it.
 */
export function preloadKiosk(): boolean {
  const boot = takeBootData();
  const applied = boot === null ? null : applyKiosk(boot);
  if (applied === true) return true;
  earlyLoad ??= applied ?? loadKiosk();
  return false;
}

/** The load preloadKiosk started, once; after that (a retry), a new one. */
export function takeKioskLoad(): Promise<boolean> {
  const load = earlyLoad ?? loadKiosk();
  earlyLoad = null;
  return load;
}

/**
 * Ends the session everywhere: the main process drops its copy of the
 * identity, the renderer wipes its journey slice, the screen returns home in
 * the kiosk's default language.
 */
export async function endJourney(
  reason: 'finished' | 'cancelled' | 'idle' | 'guide',
): Promise<void> {
  useJourney.getState().wipe();
  // The main process ends a staff sign-in with the session; the drawer does not wait for its word.
  useStaff.getState().setRole(null);
  stopSpeaking();
  useVoice.getState().clear();
  // The next visitor may tap 长辈版 the moment home shows: reset now, not when the kiosk answers.
  const owner = prefsOf(useAssist.getState());
  useAssist.getState().reset();
  const ui = useUi.getState();
  const ownerLocale = ui.locale;
  ui.go({ name: 'home' });
  if (ui.info !== null) ui.setLocale(ui.info.defaultLocale);
  // The browser's own records of the session's requests and layout shifts: a
  // kiosk runs for months, so nothing may grow with every visitor.
  performance.clearResourceTimings();
  performance.clearMeasures();
  performance.clearMarks();
  // The reader's "card removed" and the answer below travel apart: lifted before the answer
  // arrived, the card would leave a prompt that nothing closes.
  let lifted = false;
  const stopListening = kiosk.on('cardRemoved', () => {
    lifted = true;
  });
  const ended = await kiosk.endSession({ reason });
  stopListening();
  // Left on the reader, the card would be the next person's to find: ask until it is lifted,
  // in the large type and voice its owner chose — unless someone has since chosen otherwise.
  // The prompt resets the kiosk again once the card is lifted.
  if (ended.ok && ended.value.cardOnReader && !lifted) {
    if (untouched(useAssist.getState()) && useUi.getState().locale === ui.info?.defaultLocale) {
      useAssist.getState().restore(owner);
      // A Uyghur citizen is asked for their card in Uyghur, on screen and aloud.
      ui.setLocale(ownerLocale);
    }
    ui.setTakeCard(true);
  }
}

/**
 * Where the journey goes once the card is confirmed: 人证核验 first where the
 * item asks for it and this kiosk can (a camera, the model, a decoder for the
 * card's photo), then the first question — or the review when there is none.
 */
export function afterCard(evaluation: Evaluation, verified = false): void {
  const { go, info } = useUi.getState();
  const { rule, identity, assistance } = useJourney.getState();
  const verify =
    !verified &&
    assistance?.faceAtWindow !== true &&
    rule?.face.verify === true &&
    info?.face.enabled === true &&
    info.face.cardPhoto &&
    identity?.hasPhoto === true;
  if (verify) {
    go({ name: 'face', purpose: 'verify' });
    return;
  }
  const first = evaluation.questions[0]?.question.id;
  go(first === undefined ? { name: 'review' } : { name: 'question', questionId: first });
}

/**
 * Whether the journey has materials the citizen must account for (beyond the
 * card the kiosk read) — or a 证件照 this kiosk can take.
 */
export function needsMaterialsScreen(evaluation: Evaluation): boolean {
  return evaluation.requirements.some(
    (r) => !provedByCard(r) && (!portraitOnly(r) || r.options.flat().some(kioskTakesPhoto)),
  );
}

/** Whether this kiosk takes the 证件照 `material` in this session (not where a guide sent it to the window). */
export function kioskTakesPhoto(material: {
  readonly stationOptIn?: boolean | undefined;
}): boolean {
  const face = useUi.getState().info?.face;
  return (
    face?.enabled === true &&
    useJourney.getState().assistance?.faceAtWindow !== true &&
    (material.stationOptIn !== true || face.idCardPhoto)
  );
}

/** The questions the citizen goes through: all visible ones, or only required ones when a guide skips the optional. */
function journeyQuestionIds(evaluation: Evaluation): string[] {
  const skip = useJourney.getState().assistance?.skipOptional === true;
  return evaluation.questions.filter((q) => !skip || q.required).map((q) => q.question.id);
}

/** The screen after a question: the next visible one, the materials, or the review (also when coming from it). */
export function screenAfter(evaluation: Evaluation, questionId: string): void {
  const { go } = useUi.getState();
  const journey = useJourney.getState();
  const ids = journeyQuestionIds(evaluation);
  // Positions in the full list: the current question may itself be an optional one being skipped.
  const all = evaluation.questions.map((q) => q.question.id);
  const next = ids.find((id) => all.indexOf(id) > all.indexOf(questionId));
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
  const ids = journeyQuestionIds(evaluation);
  const all = evaluation.questions.map((q) => q.question.id);
  const previous = [...ids].reverse().find((id) => all.indexOf(id) < all.indexOf(questionId));
  go(previous === undefined ? { name: 'idcard' } : { name: 'question', questionId: previous });
}

/** Back from the materials or review screen: to the last question (or the ID card). */
export function lastQuestionScreen(evaluation: Evaluation): void {
  const last = journeyQuestionIds(evaluation).at(-1);
  useUi
    .getState()
    .go(last === undefined ? { name: 'idcard' } : { name: 'question', questionId: last });
}
