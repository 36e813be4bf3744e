import { useEffect, useState } from 'react';
import type { CardProblem } from '../../core/status';
import { kiosk } from '../api/kiosk';
import { Screen } from '../components/Screen';
import { HomeButton } from '../components/HomeButton';
import { IdentityDetails } from '../components/IdentityDetails';
import { ReadMyDetails } from '../components/ReadMyDetails';
import { RefusalPrint } from '../components/RefusalPrint';
import { basisLine } from './field-errors';
import { CardReaderIcon } from '../components/icons';
import { useT, type MessageKey } from '../i18n';
import { formatDate, maskName } from '../format';
import { afterCard } from '../state/actions';
import { readerReady, useDevices } from '../state/devices';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

/** Every problem the reader reports has its words; a reader that is down is said by its device state. */
const CARD_ERRORS: { readonly [P in CardProblem]: MessageKey | null } = {
  no_card: 'idcard.error.no_card',
  unreadable: 'idcard.error.read_failed',
  card_invalid: 'idcard.error.card_data_invalid',
  reader_down: null,
  other: 'idcard.error.generic',
};

/** "请放置身份证": waits for the reader, then shows what the card says for the citizen to confirm. */
export function IdCardScreen() {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const identity = useJourney((s) => s.identity);
  const cardFirst = useJourney((s) => s.cardFirst);
  const setIdentity = useJourney((s) => s.setIdentity);
  const clearCardFirst = useJourney((s) => s.clearCardFirst);
  const setManualEntry = useJourney((s) => s.setManualEntry);
  const manualEntry = useJourney((s) => s.rule?.identity.manualEntry);
  const manualQuestion = manualEntry?.nameQuestion;
  const evaluation = useEvaluation();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [notMine, setNotMine] = useState(false);
  const readerOk = useDevices((s) => readerReady(s.devices));
  // A reader that stops answering is a device state, not a card problem: its
  // message follows the reader's health and goes by itself when the reader is back.
  const shownError: MessageKey | null = !readerOk ? 'idcard.readerDown' : error;

  useEffect(() => {
    const offs = [
      kiosk.on('cardPresent', () => {
        setReading(true);
        setError(null);
      }),
      kiosk.on('cardRead', ({ identity: read }) => {
        setReading(false);
        setNotMine(false);
        setIdentity(read);
      }),
      kiosk.on('cardRemoved', () => {
        setReading(false);
        clearCardFirst();
      }),
      kiosk.on('cardError', ({ problem }) => {
        setReading(false);
        setError(CARD_ERRORS[problem]);
      }),
    ];
    // The card may have been read between the session starting and this screen subscribing.
    void kiosk.getSessionIdentity({}).then((r) => {
      if (r.ok && r.value.identity !== null) setIdentity(r.value.identity);
    });
    return () => offs.forEach((off) => off());
  }, [setIdentity, clearCardFirst]);

  const problem = evaluation?.identityProblem ?? null;
  // The article behind a refused card, printed on the 一次性告知单 on request.
  const basis = evaluation?.identityBasis ?? null;
  // The card that lay on the reader when the journey began: only its masked name, until confirmed.
  const askWhose = cardFirst && identity !== null && !notMine;
  const voiceKey = askWhose
    ? 'voice.cardFirst'
    : identity !== null && !notMine
      ? 'voice.idcardRead'
      : !readerOk
        ? 'voice.readerDown'
        : shownError !== null
          ? 'voice.idcardProblem'
          : 'voice.idcard';
  useScreenVoice(keyPrompt(voiceKey), null, voiceKey);
  const canContinue = identity !== null && problem === null && !notMine && !askWhose;

  // Both when asked whose card lies there and when a card was just read.
  const notMineButton = (
    <button
      type="button"
      className="button button-secondary"
      onClick={() => {
        setNotMine(true);
        setIdentity(null);
      }}
    >
      {t('idcard.notMine')}
    </button>
  );

  return (
    <Screen
      phase={identity !== null}
      name="idcard"
      title={
        askWhose
          ? t('idcard.cardFirstTitle')
          : identity === null || notMine
            ? t('idcard.title')
            : t('idcard.readDone')
      }
      start={<HomeButton />}
      end={
        askWhose ? (
          <>
            {notMineButton}
            <button type="button" className="button button-primary" onClick={clearCardFirst}>
              {t('idcard.cardFirstMine')}
            </button>
          </>
        ) : identity !== null && !notMine ? (
          <>
            {notMineButton}
            <button
              type="button"
              className="button button-primary"
              disabled={!canContinue}
              onClick={() => {
                if (evaluation !== null) afterCard(evaluation);
              }}
            >
              {t('idcard.confirm')}
            </button>
          </>
        ) : null
      }
    >
      {askWhose ? (
        <div className="card-first">
          <p className="screen-lead">{t('idcard.cardFirstLead')}</p>
          <p className="card-first-name" data-testid="card-first-name" lang="zh-CN">
            {maskName(identity.name)}
          </p>
        </div>
      ) : identity === null || notMine ? (
        <div className="reader-prompt">
          <p className="screen-lead" aria-live="polite">
            {notMine
              ? t('idcard.notMineHint')
              : cardFirst
                ? t('idcard.cardFirstReading')
                : reading
                  ? t('idcard.reading')
                  : t('idcard.instruction')}
          </p>
          <CardReaderIcon reading={reading} />
          <p className="reader-caption">{t('idcard.readerArea')} ↓</p>
          {shownError !== null && (
            <p className="notice notice-error" role="alert">
              {t(shownError)}
            </p>
          )}
          {manualQuestion !== undefined && (
            <div className="manual-entry">
              <p className="hint">
                {manualEntry?.hint ? l(manualEntry.hint) : t('idcard.noCardHint')}
              </p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setManualEntry(true);
                  go({ name: 'question', questionId: manualQuestion });
                }}
              >
                {manualEntry?.button ? l(manualEntry.button) : t('idcard.noCard')}
              </button>
            </div>
          )}
        </div>
      ) : (
        <>
          <IdentityDetails identity={identity} fullIdNumber={false} />
          <ReadMyDetails identity={identity} />
          {problem === 'expired' && identity.validTo !== '长期' && (
            <p className="notice notice-error" role="alert">
              {t('idcard.expired', { validTo: formatDate(identity.validTo, locale) })}
            </p>
          )}
          {problem === 'not_accepted' && (
            <p className="notice notice-error" role="alert">
              {t('idcard.notAccepted')}
            </p>
          )}
          {basis !== null && (
            <>
              <p className="field-basis">{basisLine(t, l, basis)}</p>
              <RefusalPrint questionId={null} />
            </>
          )}
        </>
      )}
    </Screen>
  );
}
