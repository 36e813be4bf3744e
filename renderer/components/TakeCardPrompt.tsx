import { useEffect } from 'react';
import { kiosk } from '../api/kiosk';
import { kioskClock } from '../clock';
import { useT } from '../i18n';
import { readerReady, useDevices } from '../state/devices';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { say, stopSpeaking } from '../voice/speaker';
import { CardReaderIcon } from './icons';

/** Repeated while the card lies there: someone walking away hears it. */
const REMIND_EVERY_MS = 8000;

/**
 * "请取走您的身份证": after a session ends with the card still on the reader,
 * over the home screen, on screen and by voice (even with the voice off),
 * until the card is lifted. The next person never starts with it: the
 * reader's own "card removed" closes it.
 */
export function TakeCardPrompt() {
  const { t } = useT();
  const takeCard = useUi((s) => s.takeCard);
  const setTakeCard = useUi((s) => s.setTakeCard);
  const readerOk = useDevices((s) => readerReady(s.devices));

  useEffect(() => {
    const done = (): void => {
      if (!useUi.getState().takeCard) return;
      setTakeCard(false);
      // The owner has gone: the next visitor starts with the kiosk as it normally is.
      useAssist.getState().reset();
      const { info, setLocale } = useUi.getState();
      if (info !== null) setLocale(info.defaultLocale);
    };
    const off = kiosk.on('cardRemoved', done);
    // A reader that went down cannot say the card was lifted: the prompt would never go.
    if (!readerOk) done();
    return off;
  }, [readerOk, setTakeCard]);
  useEffect(() => {
    if (!takeCard) return undefined;
    const remind = (): void => say(keyPrompt('voice.takeCard'), null, { evenWhenOff: true });
    remind();
    const stopReminding = kioskClock().every(REMIND_EVERY_MS, remind);
    return () => {
      stopReminding();
      stopSpeaking();
    };
  }, [takeCard]);

  if (!takeCard) return null;
  return (
    <div
      className="take-card"
      role="alertdialog"
      aria-labelledby="take-card-title"
      aria-modal="true"
    >
      <div className="take-card-box">
        <h2 id="take-card-title" className="take-card-title">
          {t('takeCard.title')}
        </h2>
        <p className="screen-lead">{t('takeCard.lead')}</p>
        <CardReaderIcon reading={false} />
        <p className="reader-caption">{t('idcard.readerArea')} ↓</p>
      </div>
    </div>
  );
}
