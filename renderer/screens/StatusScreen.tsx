import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationStatusView } from '../../core/api/contract';
import { assertNever } from '../../base/assert-never';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { Screen } from '../components/Screen';
import { Keypad } from '../components/Keypad';
import { useScannedCode } from '../devices/use-scanned-code';
import { formatDate, formatDateTime } from '../format';
import { useT, type MessageKey } from '../i18n';
import { scannerReady, useDevices } from '../state/devices';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

const INPUT_ID = 'status-number';
const MAX_LENGTH = 24;

/** The slip's QR holds `GAKIOSK:<number>`; show just the number in the box. */
const withoutPrefix = (text: string): string => text.trim().replace(/^GAKIOSK:/i, '');

async function fetchLookup(text: string): Promise<Lookup> {
  const answer = await kiosk.getApplicationStatus({ applicationNo: text.slice(0, 80) });
  return answer.ok
    ? { kind: 'found', view: answer.value }
    : { kind: 'failed', message: errorMessage(answer.error.code) };
}

type Lookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking' }
  | { readonly kind: 'found'; readonly view: ApplicationStatusView }
  | { readonly kind: 'failed'; readonly message: MessageKey };

/**
 * "Where is my application?" for whoever holds a slip: scan its QR code or
 * type its number. Shows the state and dates only — never the applicant's
 * name or ID number, because the person at the kiosk may not be the applicant.
 */
export function StatusScreen({ scanned }: { readonly scanned: string | null }) {
  const { t } = useT();
  const go = useUi((s) => s.go);
  const [number, setNumber] = useState(scanned === null ? '' : withoutPrefix(scanned));
  const [lookup, setLookup] = useState<Lookup>(
    scanned === null ? { kind: 'idle' } : { kind: 'looking' },
  );
  const result = useRef<HTMLDivElement>(null);
  // With the scanner down the keypad is the way in: say so instead of "hold the QR up".
  const scannerOk = useDevices((s) => scannerReady(s.devices));
  const statusVoice =
    lookup.kind === 'found'
      ? 'voice.statusFound'
      : lookup.kind === 'failed'
        ? 'voice.statusError'
        : scannerOk
          ? 'voice.status'
          : 'voice.statusScannerDown';
  useScreenVoice(keyPrompt(statusVoice), null, statusVoice);

  const check = useCallback((text: string): void => {
    if (text.trim() === '') return;
    setLookup({ kind: 'looking' });
    void fetchLookup(text).then(setLookup);
  }, []);

  useScannedCode((text) => {
    setNumber(withoutPrefix(text).slice(0, MAX_LENGTH));
    check(text);
  });
  useEffect(() => {
    // A slip scanned on the home screen: look it up straight away.
    if (scanned !== null) void fetchLookup(scanned).then(setLookup);
  }, [scanned]);
  useEffect(() => {
    if (lookup.kind === 'found' || lookup.kind === 'failed') result.current?.focus();
  }, [lookup.kind]);

  const again = (): void => {
    setNumber('');
    setLookup({ kind: 'idle' });
    document.getElementById(INPUT_ID)?.focus();
  };

  return (
    <Screen
      name="status"
      title={t('status.title')}
      start={
        // Nothing entered here is worth keeping: home without asking.
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go({ name: 'home' })}
        >
          {t('app.home')}
        </button>
      }
      end={
        lookup.kind === 'found' ? (
          <button type="button" className="button button-secondary" onClick={again}>
            {t('status.another')}
          </button>
        ) : undefined
      }
    >
      {lookup.kind !== 'found' && (
        <>
          {scannerOk ? (
            <p className="screen-lead">{t('status.lead')}</p>
          ) : (
            <p className="notice" role="status" data-testid="scanner-down">
              {t('status.scannerDown')}
            </p>
          )}
          <form
            className="status-form"
            onSubmit={(event) => {
              event.preventDefault();
              check(number);
            }}
          >
            <label className="question-label" htmlFor={INPUT_ID}>
              {t('status.numberLabel')}
            </label>
            <div className="status-entry">
              <input
                id={INPUT_ID}
                className="text-input status-input"
                value={number}
                inputMode="none"
                autoComplete="off"
                spellCheck={false}
                maxLength={MAX_LENGTH}
                placeholder={t('status.numberPlaceholder')}
                aria-invalid={lookup.kind === 'failed'}
                aria-describedby={lookup.kind === 'failed' ? 'status-error' : undefined}
                onChange={(event) => setNumber(event.target.value.toUpperCase())}
              />
              <button
                type="submit"
                className="button button-primary"
                disabled={lookup.kind === 'looking' || number.trim() === ''}
              >
                {lookup.kind === 'looking' ? t('status.looking') : t('status.lookup')}
              </button>
            </div>
          </form>
          {lookup.kind === 'failed' && (
            <div
              ref={result}
              tabIndex={-1}
              className="notice notice-error"
              role="alert"
              id="status-error"
            >
              {t(lookup.message)}
            </div>
          )}
          <Keypad
            layout="alphanumeric"
            onKey={(key) => setNumber((n) => (n + key).slice(0, MAX_LENGTH))}
            onDelete={() => setNumber((n) => n.slice(0, -1))}
            onClear={() => setNumber('')}
          />
        </>
      )}
      {lookup.kind === 'found' && (
        <div ref={result} tabIndex={-1} className="status-result" role="status">
          <StatusCard view={lookup.view} />
        </div>
      )}
    </Screen>
  );
}

/** The progress sentence: the back office's word when it gave one, else what this kiosk knows. */
function progressText(view: ApplicationStatusView, t: ReturnType<typeof useT>['t']): string {
  if (view.backOffice !== null) {
    const reason = view.backOffice.reason ?? t('status.noReason');
    return t(`status.bo.${view.backOffice.state}`, { reason });
  }
  const sync = view.sync;
  if (sync === null) return t('status.source.kiosk');
  switch (sync) {
    case 'queued':
      return view.backOfficeConfigured ? t('status.sync.queued') : t('status.sync.queuedLocal');
    case 'sending':
    case 'accepted':
    case 'needs_attention':
      return t(`status.sync.${sync}`);
    case 'rejected':
      return t('status.sync.rejected', { reason: view.rejectedReason ?? t('status.noReason') });
    default:
      return assertNever(sync, 'sync state');
  }
}

function StatusCard({ view }: { readonly view: ApplicationStatusView }) {
  const { t, l, locale } = useT();
  const source =
    view.source === 'back_office' && view.backOffice !== null
      ? t('status.source.back_office', { at: formatDateTime(view.backOffice.updatedAt, locale) })
      : view.backOfficeConfigured && (view.sync === 'accepted' || view.sync === 'rejected')
        ? t('status.source.kioskOffline')
        : t('status.source.kiosk');
  const tone =
    view.backOffice?.state === 'rejected' || view.sync === 'rejected'
      ? 'notice-error'
      : view.backOffice?.state === 'needs_completion' || view.status === 'pending_completion'
        ? 'notice-warn'
        : 'notice-ok';
  return (
    <>
      <p className={`notice status-progress ${tone}`}>
        <span className="status-progress-label">{t('status.progress')}</span>
        <span className="status-progress-text">{progressText(view, t)}</span>
        {view.status === 'pending_completion' && view.backOffice === null && (
          <span>{t('status.pendingCompletion')}</span>
        )}
      </p>
      <dl className="summary summary-card">
        <div className="summary-row">
          <dt>{t('status.numberLabel')}</dt>
          <dd className="mono">{view.applicationNo}</dd>
        </div>
        {view.serviceName !== null && (
          <div className="summary-row">
            <dt>{t('status.service')}</dt>
            <dd>{l(view.serviceName)}</dd>
          </div>
        )}
        {view.submittedAt !== null && (
          <div className="summary-row">
            <dt>{t('status.submittedAt')}</dt>
            <dd>{formatDateTime(view.submittedAt, locale)}</dd>
          </div>
        )}
        {view.dueDate !== null && (
          <div className="summary-row">
            <dt>{t('status.dueDate')}</dt>
            <dd className="emphasis">{formatDate(view.dueDate, locale)}</dd>
          </div>
        )}
        {view.acceptanceNo !== null && (
          <div className="summary-row">
            <dt>{t('status.acceptanceNo')}</dt>
            <dd className="mono">{view.acceptanceNo}</dd>
          </div>
        )}
      </dl>
      <p className="hint">{source}</p>
    </>
  );
}
