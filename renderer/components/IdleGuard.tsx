import { useEffect, useRef, useState } from 'react';
import { kioskClock } from '../clock';
import { useT } from '../i18n';
import { endJourney } from '../state/actions';
import { useAssist, wantsElderTime } from '../state/assist';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { say } from '../voice/speaker';
import { Dialog } from './Dialog';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * After `timeoutSeconds` without a touch, asks "还需要更多时间吗？" and counts
 * down; at zero the session ends and everything personal is wiped. On the home
 * screen there is nothing to protect: it only puts the language back.
 */
export function IdleGuard() {
  const { t } = useT();
  const info = useUi((s) => s.info);
  // The staff area has its own timeout, enforced by the main process.
  const atHome = useUi((s) => ['home', 'diagnostics', 'queue'].includes(s.screen.name));
  const elder = useAssist(wantsElderTime);
  const [countdown, setCountdown] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const announced = useRef(false);

  useEffect(() => {
    const touch = (): void => {
      lastActivity.current = kioskClock().nowMs();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (info === null || !atHome) return;
    // Nothing personal on the home screen, but the next person should find it in the default language.
    lastActivity.current = kioskClock().nowMs();
    // On the kiosk's clock, as the main process's timers are.
    return kioskClock().every(1000, () => {
      const ui = useUi.getState();
      const assist = useAssist.getState();
      const timeout = wantsElderTime(assist)
        ? info.idle.elderTimeoutSeconds
        : info.idle.timeoutSeconds;
      if ((kioskClock().nowMs() - lastActivity.current) / 1000 < timeout) return;
      if (ui.locale !== info.defaultLocale) ui.setLocale(info.defaultLocale);
      if (assist.elder || assist.voice || assist.audioOnly) assist.reset();
    });
  }, [info, atHome]);

  useEffect(() => {
    if (info === null || atHome) return;
    lastActivity.current = kioskClock().nowMs();
    const timeoutSeconds = elder ? info.idle.elderTimeoutSeconds : info.idle.timeoutSeconds;
    const countdownSeconds = elder ? info.idle.elderCountdownSeconds : info.idle.countdownSeconds;
    return kioskClock().every(250, () => {
      const idleSeconds = (kioskClock().nowMs() - lastActivity.current) / 1000;
      if (idleSeconds < timeoutSeconds) {
        announced.current = false;
        setCountdown(null);
        return;
      }
      if (!announced.current) {
        announced.current = true;
        say(keyPrompt('voice.idle'));
      }
      const left = Math.ceil(timeoutSeconds + countdownSeconds - idleSeconds);
      if (left <= 0) {
        setCountdown(null);
        void endJourney('idle');
        return;
      }
      setCountdown(left);
    });
  }, [info, atHome, elder]);

  const stay = (): void => {
    lastActivity.current = kioskClock().nowMs();
    setCountdown(null);
  };
  const leave = (): void => {
    setCountdown(null);
    void endJourney('cancelled');
  };
  return (
    <Dialog
      open={!atHome && countdown !== null}
      labelledBy="idle-title"
      onCancel={stay}
      hidesScreen
    >
      <h2 id="idle-title" className="dialog-title">
        {t('idle.title')}
      </h2>
      <p className="dialog-body" aria-live="polite">
        {t('idle.body', { seconds: countdown ?? 0 })}
      </p>
      <div className="dialog-countdown" aria-hidden="true">
        {countdown}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={stay}>
          {t('idle.continue')}
        </button>
        <button type="button" className="button button-secondary" onClick={leave}>
          {t('idle.leave')}
        </button>
      </div>
    </Dialog>
  );
}
