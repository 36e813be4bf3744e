import { useEffect, useRef, useState } from 'react';
import { kiosk } from '../api/kiosk';
import { errorMessage } from '../api/error-messages';
import { grabJpeg, jpegUrl, useCamera } from '../camera/use-camera';
import { kioskClock } from '../clock';
import { Screen } from '../components/Screen';
import { HomeButton } from '../components/HomeButton';
import { useT, type MessageKey } from '../i18n';
import { afterCard } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

export type FacePurpose = 'verify' | 'photo';

/** Guidance frames go at this width (the main process judges them); the photo itself at the camera's own. */
const FRAME_WIDTH = 640;
const CAPTURE_WIDTH = 1920;
/** Two ready frames in a row before the photo is taken: one lucky frame is not a steady pose. */
const READY_FRAMES = 2;
/** Taps this close after 重拍 are the same finger's second tap, not a choice. */
const DOUBLE_TAP_MS = 800;

type Phase =
  | { readonly kind: 'notice' }
  | {
      readonly kind: 'live';
      readonly message: MessageKey | null;
      readonly params?: Record<string, number>;
    }
  | { readonly kind: 'preview'; readonly url: string; readonly facts: string }
  | { readonly kind: 'done'; readonly outcome: 'passed' | 'failed' | 'not_possible' }
  | { readonly kind: 'failed'; readonly message: MessageKey };

/**
 * The camera that looks at the citizen: first the notice (what is taken, why,
 * and the window as the other way), then 人证核验 (blink, compare with the
 * card) or the 证件照 (live guidance, taken by itself when every check passes,
 * shown for 使用这张 / 重拍). Every verdict comes from the main process, on the
 * frames it received; this screen only shows and says what to do.
 */
export function FaceScreen({ purpose }: { readonly purpose: FacePurpose }) {
  const { t, l } = useT();
  const go = useUi((s) => s.go);
  const rule = useJourney((s) => s.rule);
  const declare = useJourney((s) => s.declareMaterial);
  const addCapture = useJourney((s) => s.addCapture);
  const removeCapture = useJourney((s) => s.removeCapture);
  const captures = useJourney((s) => s.captures);
  const [phase, setPhase] = useState<Phase>({ kind: 'notice' });
  const { video: cameraVideo, state: cameraState } = useCamera(phase.kind === 'live');
  const material = rule?.materials.find((m) => m.capture === 'portrait');
  const standard = material?.standard ?? 'exit-entry';

  const voiceKey: MessageKey =
    phase.kind === 'notice'
      ? 'voice.faceNotice'
      : phase.kind === 'preview'
        ? 'voice.facePreview'
        : phase.kind === 'done'
          ? phase.outcome === 'passed'
            ? 'voice.facePassed'
            : 'voice.faceFailed'
          : purpose === 'verify'
            ? 'voice.faceVerify'
            : 'voice.facePhoto';
  useScreenVoice(keyPrompt(voiceKey), null, voiceKey);
  // Each new piece of advice is said too, so a citizen who cannot read it hears what to do.
  const advice = phase.kind === 'live' ? phase.message : null;
  useScreenVoice(
    advice === null ? null : keyPrompt(advice, phase.kind === 'live' ? phase.params : undefined),
    null,
    advice ?? 'none',
  );

  const evaluation = useEvaluation();
  const leave = (): void => {
    if (purpose === 'photo') go({ name: 'materials' });
    else if (evaluation !== null) afterCard(evaluation, true);
  };

  // A hall guide sent this step to the window (「到窗口拍照」): the camera goes, the journey goes on.
  const atWindow = useJourney((s) => s.assistance?.faceAtWindow === true);
  useEffect(() => {
    if (!atWindow) return;
    if (purpose === 'verify') useJourney.getState().setIdentityCheck('not_possible');
    leave();
    // Once, when the guide presses it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [atWindow]);

  // A camera that would not open or went away: the main process records why, the step goes to the window.
  const cameraFailed = phase.kind === 'live' && cameraState === 'failed';
  useEffect(() => {
    if (!cameraFailed) return;
    void kiosk.faceConsent({ purpose, choice: 'camera_failed' });
    if (purpose === 'verify') useJourney.getState().setIdentityCheck('not_possible');
  }, [cameraFailed, purpose]);
  // 重拍 turns the preview back into the live view, whose first button is 到窗口办理 in the same
  // place: a second tap of a double tap on 重拍 must not send the photo to the window.
  const retakenAt = useRef(Number.NEGATIVE_INFINITY);
  const choose = async (choice: 'camera' | 'window'): Promise<void> => {
    if (choice === 'window' && kioskClock().nowMs() - retakenAt.current < DOUBLE_TAP_MS) return;
    await kiosk.faceConsent({ purpose, choice });
    if (choice === 'window') leave();
    else setPhase({ kind: 'live', message: 'face.loading' });
  };

  // The frame loop: one frame at a time to the main process while the camera is live.
  const live = phase.kind === 'live' && cameraState === 'live';
  const readyRun = useRef(0);
  useEffect(() => {
    if (!live) return undefined;
    let stopped = false;
    const video = cameraVideo.current;
    const loop = async (): Promise<void> => {
      while (!stopped && video !== null) {
        const frame = await grabJpeg(video, FRAME_WIDTH, 0.85);
        if (stopped) return;
        if (frame === null) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const image = { mediaType: 'image/jpeg' as const, base64: frame.base64 };
        if (purpose === 'verify') {
          const answer = await kiosk.verifyFace({ image });
          if (stopped) return;
          if (!answer.ok) {
            setPhase({ kind: 'failed', message: errorMessage(answer.error.code) });
            return;
          }
          const { stage, advice: said, triesLeft } = answer.value;
          if (stage === 'passed' || stage === 'failed' || stage === 'not_possible') {
            useJourney.getState().setIdentityCheck(stage);
            setPhase({ kind: 'done', outcome: stage });
            return;
          }
          setPhase(
            stage === 'retry'
              ? { kind: 'live', message: 'face.verify.retry', params: { n: triesLeft } }
              : {
                  kind: 'live',
                  message: said === null ? 'face.verify.blink' : `face.advice.${said}`,
                },
          );
        } else {
          const answer = await kiosk.photoFrame({ image, cameraScale: frame.scale });
          if (stopped) return;
          if (!answer.ok) {
            setPhase({ kind: 'failed', message: errorMessage(answer.error.code) });
            return;
          }
          readyRun.current = answer.value.ready ? readyRun.current + 1 : 0;
          if (readyRun.current < READY_FRAMES) {
            setPhase({
              kind: 'live',
              message:
                answer.value.advice === null
                  ? 'face.photo.ready'
                  : `face.advice.${answer.value.advice}`,
            });
            continue;
          }
          readyRun.current = 0;
          setPhase({ kind: 'live', message: 'face.photo.ready' });
          const full = await grabJpeg(video, CAPTURE_WIDTH, 0.92);
          if (stopped || full === null) continue;
          const taken = await kiosk.capturePortrait({
            image: { mediaType: 'image/jpeg', base64: full.base64 },
          });
          if (stopped) return;
          if (!taken.ok) {
            // Moved as it was taken: say what the kept frame failed, and keep guiding.
            const { error } = taken;
            if (error.code !== 'photo_not_compliant') {
              setPhase({ kind: 'failed', message: errorMessage(error.code) });
              return;
            }
            // The first failing check the citizen can do something about; otherwise hold still.
            const advice =
              error.facts.failing.find((f) => f.advice !== null)?.advice ?? 'hold_still';
            setPhase({ kind: 'live', message: `face.advice.${advice}` });
            continue;
          }
          const { photo, width, height, bytes } = taken.value;
          setPhase({
            kind: 'preview',
            url: jpegUrl(photo.base64),
            facts: t('face.photo.facts', {
              width,
              height,
              kb: Math.round(bytes / 1024),
              standard: t(`face.standard.${taken.value.standard}`),
            }),
          });
          return;
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
    // The loop runs while the camera is live; phase changes inside it are its own doing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, purpose]);

  // A photo shown but not used is let go on retake and when the screen closes.
  const previewUrl = phase.kind === 'preview' ? phase.url : null;
  useEffect(
    () => () => {
      if (previewUrl !== null && !captures.some((c) => c.url === previewUrl))
        URL.revokeObjectURL(previewUrl);
    },
    // Only when the preview changes or the screen goes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [previewUrl],
  );

  const keep = async (use: boolean): Promise<void> => {
    if (phase.kind !== 'preview' || material === undefined) return;
    const kept = await kiosk.keepPortrait({ keep: use });
    if (!use) {
      retakenAt.current = kioskClock().nowMs();
      setPhase({ kind: 'live', message: null });
      return;
    }
    if (!kept.ok || !kept.value.kept) {
      setPhase({ kind: 'failed', message: 'camera.saveFailed' });
      return;
    }
    for (const old of captures.filter((c) => c.materialId === material.id)) removeCapture(old.id);
    addCapture({ id: `portrait-${material.id}`, materialId: material.id, url: phase.url, size: 0 });
    declare(material.id, 'captured');
    go({ name: 'materials' });
  };

  const title = t(purpose === 'verify' ? 'face.verify.title' : 'face.photo.title');
  // A camera that fails to open, or is unplugged mid-capture, ends the live view with a reason.
  const shown: Phase = cameraFailed ? { kind: 'failed', message: 'face.unavailable' } : phase;
  return (
    <Screen
      name="face"
      title={title}
      data={{ phase: shown.kind }}
      start={<HomeButton />}
      end={
        shown.kind === 'notice' ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void choose('window')}
            >
              {t('face.notice.window')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void choose('camera')}
            >
              {t('face.notice.start')}
            </button>
          </>
        ) : shown.kind === 'preview' ? (
          <>
            <button
              key="retake"
              type="button"
              className="button button-secondary"
              onClick={() => void keep(false)}
            >
              {t('face.photo.retake')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void keep(true)}>
              {t('face.photo.use')}
            </button>
          </>
        ) : shown.kind === 'done' || shown.kind === 'failed' ? (
          <button type="button" className="button button-primary" onClick={leave}>
            {purpose === 'verify' ? t('face.verify.continue') : t('face.photo.back')}
          </button>
        ) : (
          <button
            key="window"
            type="button"
            className="button button-secondary"
            onClick={() => void choose('window')}
          >
            {t('face.notice.window')}
          </button>
        )
      }
    >
      {shown.kind === 'notice' && (
        <div className="face-notice" data-testid="face-notice">
          <p className="screen-lead">
            {purpose === 'verify'
              ? t('face.notice.verify')
              : t('face.notice.photo', { standard: t(`face.standard.${standard}`) })}
          </p>
          <p>{t('face.notice.privacy')}</p>
          <p className="hint">{t('face.notice.basis')}</p>
          {purpose === 'photo' && material !== undefined && (
            <p className="hint">{l(material.name)}</p>
          )}
        </div>
      )}
      {(shown.kind === 'live' || shown.kind === 'failed') && (
        <div className="camera-stage face-stage">
          <video
            ref={cameraVideo}
            className="camera-video face-video"
            muted
            playsInline
            aria-label={t('face.previewLabel')}
          />
          <div className="face-oval" aria-hidden="true" />
        </div>
      )}
      {shown.kind === 'live' && (
        <p className="notice face-advice" role="status" data-testid="face-advice">
          {t(
            cameraState === 'starting' ? 'face.starting' : (shown.message ?? 'face.loading'),
            shown.params,
          )}
        </p>
      )}
      {shown.kind === 'failed' && (
        <p className="notice notice-error" role="alert" data-testid="face-failed">
          {t(shown.message)}
        </p>
      )}
      {shown.kind === 'preview' && (
        <div className="face-preview">
          <p className="screen-lead">{t('face.photo.previewLead')}</p>
          <img
            className="face-photo"
            src={shown.url}
            alt={t('face.photo.previewAlt')}
            data-testid="face-photo"
          />
          <p className="hint" role="status">
            {shown.facts}
          </p>
        </div>
      )}
      {shown.kind === 'done' && (
        <p
          className={`notice ${shown.outcome === 'passed' ? 'notice-ok' : ''}`}
          role="status"
          data-testid="face-outcome"
          data-outcome={shown.outcome}
        >
          {t(`face.verify.${shown.outcome}`)}
        </p>
      )}
    </Screen>
  );
}
