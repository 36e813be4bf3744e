import { kiosk } from '../api/kiosk';
import { useT } from '../i18n';
import { useAssist, VOLUME_STEP } from '../state/assist';
import { useHelp } from '../state/help';
import { useUi } from '../state/ui';
import { repeat, stopSpeaking, useVoice } from '../voice/speaker';

/**
 * On every citizen screen: 长辈版 (large text, large keys, voice, more time),
 * voice on/off, 再听一遍, the volume, and 呼叫工作人员. Big enough to find without reading.
 */
export function AssistBar() {
  const { t } = useT();
  const elder = useAssist((s) => s.elder);
  const voice = useAssist((s) => s.voice);
  const volume = useAssist((s) => s.volume);
  const { setElder, setVoice, setVolume } = useAssist.getState();
  const spoken = useVoice((s) => s.spoken);
  const said = useVoice((s) => s.said);
  const hasPrompt = useVoice((s) => s.last !== null);
  const delivery = useHelp((s) => s.request?.delivery ?? null);
  const screen = useUi((s) => s.screen.name);
  const callStaff = (): void => {
    void kiosk.callStaff({ screen }).then((result) => {
      // The helpRequest event may have brought newer news (sent, or not) before this answer: keep it.
      if (result.ok && useHelp.getState().request === null)
        useHelp.getState().setRequest(result.value);
    });
  };
  return (
    <div
      className="assist-bar"
      role="group"
      aria-label={t('assist.label')}
      data-testid="assist-bar"
      data-spoken={spoken.map((r) => r.text).join(' | ')}
      data-voice-route={spoken.map((r) => r.kind).join(',')}
      data-spoken-count={said}
    >
      <button
        type="button"
        className={`toggle assist-elder${elder ? ' is-on' : ''}`}
        aria-pressed={elder}
        onClick={() => setElder(!elder)}
      >
        {t('assist.elder')}
      </button>
      <button
        type="button"
        className={`toggle${voice ? ' is-on' : ''}`}
        aria-pressed={voice}
        onClick={() => {
          if (voice) stopSpeaking();
          setVoice(!voice);
        }}
      >
        {voice ? t('assist.voiceOn') : t('assist.voiceOff')}
      </button>
      {voice && (
        <>
          <button
            type="button"
            className="button button-secondary assist-repeat"
            disabled={!hasPrompt}
            onClick={repeat}
          >
            {t('assist.repeat')}
          </button>
          <div className="assist-volume" role="group" aria-label={t('assist.volume')}>
            <button
              type="button"
              className="button button-secondary assist-volume-button"
              aria-label={t('assist.volumeDown')}
              disabled={volume <= 0}
              onClick={() => setVolume(volume - VOLUME_STEP)}
            >
              <span aria-hidden="true">−</span>
              <span className="assist-volume-caption" aria-hidden="true">
                {t('assist.volume')}
              </span>
            </button>
            <span className="assist-volume-level" aria-live="polite">
              {t('assist.volumeLevel', { n: Math.round(volume * 100) })}
            </span>
            <button
              type="button"
              className="button button-secondary assist-volume-button"
              aria-label={t('assist.volumeUp')}
              disabled={volume >= 1}
              onClick={() => setVolume(volume + VOLUME_STEP)}
            >
              <span aria-hidden="true">+</span>
              <span className="assist-volume-caption" aria-hidden="true">
                {t('assist.volume')}
              </span>
            </button>
          </div>
        </>
      )}
      {delivery === 'sending' || delivery === 'sent' ? (
        <p className="assist-help-called" role="status" data-testid="help-called">
          {t(delivery === 'sent' ? 'help.called' : 'help.calling')}
        </p>
      ) : delivery === 'not_sent' ? (
        // Nothing reached anyone: say so, and let the citizen try again.
        <button
          type="button"
          className="button button-secondary assist-help assist-help-failed"
          data-testid="call-staff"
          data-delivery="not_sent"
          onClick={callStaff}
        >
          {t('help.notSent')}
        </button>
      ) : (
        <button
          type="button"
          className="button button-secondary assist-help"
          data-testid="call-staff"
          onClick={callStaff}
        >
          {t('help.call')}
        </button>
      )}
    </div>
  );
}
