import { useEffect, useState } from 'react';
import type { GuideAction } from '../../core/api/contract';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { useT, type MessageKey } from '../i18n';
import { endJourney } from '../state/actions';
import { useAssist } from '../state/assist';
import { useJourney } from '../state/journey';
import { useStaff } from '../state/staff';
import { useUi } from '../state/ui';
import { startAudioOnly } from '../audio/use-audio-only';
import { ConfirmDialog } from './ConfirmDialog';

const STATUS_POLL_MS = 15_000;

/**
 * The hall guide's drawer, at the side of the citizen's screen rather than
 * over it: elder mode, voice, skip optional questions, green channel with a
 * reason, "filling in for the citizen", end the session. Each action goes to
 * the main process (session + audit log) and shows on review and slip.
 * Folds to a small tab so the citizen keeps the screen.
 */
export function GuidePanel() {
  const role = useStaff((s) => s.role);
  // Staff's own screens (the queue, diagnostics) have their own way out (退出并锁定): there the
  // drawer would only cover their counts, the error line and the help-call line.
  const staffScreen = useUi((s) => s.screen.name === 'queue' || s.screen.name === 'diagnostics');
  // A drawer per sign-in: each one opens unfolded, whatever the last guide left.
  return role === 'guide' && !staffScreen ? <GuideDrawer /> : null;
}

function GuideDrawer() {
  const { t, l } = useT();
  const role = useStaff((s) => s.role);
  const setRole = useStaff((s) => s.setRole);
  const info = useUi((s) => s.info);
  const go = useUi((s) => s.go);
  const inSession = useJourney((s) => s.rule !== null && s.slip === null);
  // 「到窗口拍照」 is offered where this session would use the camera: 人证核验 or a 证件照 this kiosk takes.
  const paysHere = useJourney(
    (s) => s.rule !== null && info?.payment.services.includes(s.rule.id) === true,
  );
  const usesCamera = useJourney(
    (s) =>
      info?.face.enabled === true &&
      s.rule !== null &&
      (s.rule.face.verify ||
        s.rule.materials.some(
          (m) => m.capture === 'portrait' && (m.stationOptIn !== true || info.face.idCardPhoto),
        )),
  );
  const assistance = useJourney((s) => s.assistance);
  const setAssistance = useJourney((s) => s.setAssistance);
  const elder = useAssist((s) => s.elder);
  const voice = useAssist((s) => s.voice);
  const audioOnly = useAssist((s) => s.audioOnly);
  const [open, setOpen] = useState(true);
  const [choosingReason, setChoosingReason] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [ending, setEnding] = useState(false);

  useEffect(() => {
    if (role !== 'guide') return;
    // The main process locks an idle guide; the drawer closes with it.
    const timer = setInterval(() => {
      void kiosk.staffStatus({}).then((r) => {
        if (r.ok && r.value.role !== 'guide') setRole(null);
      });
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [role, setRole]);

  if (role !== 'guide') return null;

  const act = async (action: GuideAction): Promise<boolean> => {
    const result = await kiosk.guideAction(action);
    if (result.ok) {
      setAssistance(result.value);
      setProblem(null);
      return true;
    }
    if (result.error.code === 'staff_locked') setRole(null);
    setProblem(errorMessage(result.error.code));
    return false;
  };
  const lock = async (): Promise<void> => {
    await kiosk.staffLock({});
    setRole(null);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="guide-tab"
        onClick={() => setOpen(true)}
        data-testid="guide-tab"
      >
        {t('guide.tab')}
      </button>
    );
  }

  const green = (assistance?.greenChannelReason ?? null) !== null;
  const toggle = (label: string, on: boolean, onClick: () => void, testId: string) => (
    <button
      type="button"
      className={`toggle guide-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      onClick={onClick}
      data-testid={testId}
    >
      {on ? '✓ ' : ''}
      {label}
    </button>
  );

  return (
    <aside className="guide-panel" aria-labelledby="guide-panel-title" data-testid="guide-panel">
      <div className="guide-panel-head">
        <h2 id="guide-panel-title" className="guide-panel-title">
          {t('guide.panelTitle')}
        </h2>
        <button
          type="button"
          className="button button-secondary guide-fold"
          onClick={() => setOpen(false)}
        >
          {t('guide.fold')}
        </button>
      </div>
      {problem !== null && (
        <p className="notice notice-error" role="alert">
          {t('guide.failed', { reason: t(problem) })}
        </p>
      )}
      {inSession ? (
        <>
          {toggle(
            t('assist.elder'),
            elder,
            () => {
              useAssist.getState().setElder(!elder);
              void act({ action: 'elderMode', on: !elder });
            },
            'guide-elder',
          )}
          {toggle(
            t('guide.voice'),
            voice,
            () => {
              useAssist.getState().setVoice(!voice);
              void act({ action: 'voice', on: !voice });
            },
            'guide-voice',
          )}
          {toggle(
            t('guide.audioOnly'),
            audioOnly,
            () => {
              if (audioOnly) useAssist.getState().setAudioOnly(false);
              else startAudioOnly();
              void act({ action: 'audioOnly', on: !audioOnly });
            },
            'guide-audio-only',
          )}
          {toggle(
            t('guide.skipOptional'),
            assistance?.skipOptional === true,
            () => void act({ action: 'skipOptional', on: assistance?.skipOptional !== true }),
            'guide-skip',
          )}
          {toggle(
            t('guide.fillOnBehalf'),
            assistance?.fillOnBehalf === true,
            () => void act({ action: 'fillOnBehalf', on: assistance?.fillOnBehalf !== true }),
            'guide-fill',
          )}
          {toggle(
            green ? t('guide.greenChannelOn') : t('guide.greenChannel'),
            green,
            () =>
              green
                ? void act({ action: 'greenChannel', reason: null })
                : setChoosingReason(!choosingReason),
            'guide-green',
          )}
          {choosingReason && (
            <div className="guide-reasons" role="group" aria-label={t('guide.reason')}>
              {(info?.guideReasons ?? []).map((reason) => (
                <button
                  type="button"
                  key={reason.id}
                  className="button button-secondary guide-reason"
                  data-reason={reason.id}
                  onClick={() => {
                    setChoosingReason(false);
                    void act({ action: 'greenChannel', reason: reason.id });
                  }}
                >
                  {l(reason.label)}
                </button>
              ))}
            </div>
          )}
          {usesCamera &&
            toggle(
              assistance?.faceAtWindow === true
                ? t('guide.faceAtWindowOn')
                : t('guide.faceAtWindow'),
              assistance?.faceAtWindow === true,
              () => {
                if (assistance?.faceAtWindow !== true)
                  void act({ action: 'faceAtWindow', on: true });
              },
              'guide-face-window',
            )}
          {paysHere &&
            toggle(
              assistance?.payAtWindow === true ? t('guide.payAtWindowOn') : t('guide.payAtWindow'),
              assistance?.payAtWindow === true,
              () => {
                if (assistance?.payAtWindow !== true) void act({ action: 'payAtWindow', on: true });
              },
              'guide-pay-window',
            )}
          <button
            type="button"
            className="button button-secondary guide-end"
            onClick={() => setEnding(true)}
          >
            {t('guide.endSession')}
          </button>
          {/* One tap must not throw away a citizen's answers: the guide confirms. */}
          <ConfirmDialog
            open={ending}
            id="guide-end-title"
            title={t('guide.endTitle')}
            body={t('guide.endBody')}
            stay={t('guide.endStay')}
            confirm={t('guide.endConfirm')}
            onStay={() => setEnding(false)}
            onConfirm={() => {
              setEnding(false);
              void endJourney('guide');
            }}
          />
        </>
      ) : (
        <p className="hint">{t('guide.noSession')}</p>
      )}
      <div className="guide-panel-foot">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go({ name: 'queue' })}
        >
          {t('queue.open')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void lock()}>
          {t('guide.lock')}
        </button>
      </div>
    </aside>
  );
}
