import { useEffect, useRef, useState } from 'react';
import type { PaymentView } from '../../core/payment/order';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { Screen } from '../components/Screen';
import { QrCode } from '../components/QrCode';
import { useScannedCode } from '../devices/use-scanned-code';
import { formatFee } from '../format';
import { useT, type MessageKey } from '../i18n';
import { printAndKeep } from '../receipt/print-slip';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

/** How often the screen asks where a payment stands while the phone confirms. */
const LOOK_EVERY_MS = 1500;

type Way = 'choose' | 'code' | 'qr';

/** What the screen says about the order, by its state and why. */
function stateMessage(order: PaymentView | null): MessageKey | null {
  if (order === null) return null;
  if (order.attention === 'reversal_refused') return 'payment.state.refund_at_window';
  switch (order.state) {
    case 'created':
      return order.reason === 'auth_code_expired'
        ? 'payment.state.code_expired'
        : order.reason === 'auth_code_invalid'
          ? 'payment.state.code_invalid'
          : null;
    case 'paying':
      return order.method === 'qr' ? 'payment.state.scan_qr' : 'payment.state.confirm_on_phone';
    case 'cancelling':
      return 'payment.state.cancelling';
    case 'paid':
      return 'payment.state.paid';
    case 'failed':
      return order.reason === 'amount_mismatch'
        ? 'payment.state.amount_mismatch'
        : 'payment.state.declined';
    case 'cancelled':
      return order.reason === 'wait_too_long'
        ? 'payment.state.timed_out'
        : 'payment.state.cancelled';
    case 'reversed':
      return 'payment.state.reversed';
  }
}

/**
 * 缴费 at the kiosk, after the application was stored: the fee lines with
 * their 收费依据, then the citizen's 付款码 at the scanner (B 扫 C), a QR for
 * the phone (C 扫 B), or the window. Every state comes from the main process,
 * which asks the back office; this screen shows it and asks again while the
 * phone confirms. Paid or not, it ends at the slip, which says which.
 */
export function PaymentScreen() {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const slip = useJourney((s) => s.slip);
  const setSlip = useJourney((s) => s.setSlip);
  const [order, setOrder] = useState<PaymentView | null>(null);
  const [way, setWay] = useState<Way>('choose');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const finishing = useRef(false);

  const message = problem ?? stateMessage(order);
  const voiceKey: MessageKey =
    order?.state === 'paid'
      ? 'voice.paymentPaid'
      : way === 'code'
        ? 'voice.paymentCode'
        : way === 'qr'
          ? 'voice.paymentQr'
          : 'voice.payment';
  useScreenVoice(keyPrompt(voiceKey), null, `${voiceKey}:${message ?? ''}`);

  /** To the slip, paid or not; printed there once its payment line is in. */
  const finish = async (): Promise<void> => {
    if (finishing.current) return;
    finishing.current = true;
    const finished = await kiosk.finishPayment({});
    const next = finished.ok ? finished.value : slip;
    if (next !== null) {
      setSlip(next);
      go({ name: 'slip' });
      void printAndKeep(next, locale);
    }
  };

  const opened = (result: Awaited<ReturnType<typeof kiosk.openPayment>>): void => {
    setBusy(false);
    // Not taken here after all (the guide chose the window, no back office): the slip says where to pay.
    if (!result.ok) void finish();
    else setOrder(result.value);
  };
  const open = async (): Promise<void> => {
    setBusy(true);
    opened(await kiosk.openPayment({}));
  };

  // A hall guide's 「窗口缴费」: the main process cancelled the order; on to the slip.
  const payAtWindow = useJourney((s) => s.assistance?.payAtWindow === true);
  useEffect(() => {
    if (payAtWindow) void finish();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payAtWindow]);

  useEffect(() => {
    // Opened once per screen: the order belongs to this session's application.
    void kiosk.openPayment({}).then(opened);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // While the phone confirms, ask again; paid → the slip.
  const state = order?.state;
  useEffect(() => {
    if (state === 'paid') {
      const timer = window.setTimeout(() => void finish(), 1200);
      return () => window.clearTimeout(timer);
    }
    if (state !== 'paying' && state !== 'cancelling') return;
    const timer = window.setInterval(() => {
      void kiosk.lookPayment({}).then((seen) => {
        if (seen.ok) setOrder(seen.value);
      });
    }, LOOK_EVERY_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // B 扫 C: the citizen's 付款码 from the kiosk's scanner, only while asked for.
  useScannedCode((text) => {
    if (way !== 'code' || busy || order === null || order.state !== 'created') return;
    setBusy(true);
    setProblem(null);
    void kiosk.payByCode({ text }).then((paid) => {
      setBusy(false);
      if (paid.ok) setOrder(paid.value);
      else if (paid.error.code === 'payment_code_invalid')
        setProblem(`payment.code.${paid.error.facts.kind}`);
      else setProblem(errorMessage(paid.error.code));
    });
  });

  const showQr = async (): Promise<void> => {
    setWay('qr');
    setBusy(true);
    setProblem(null);
    const shown = await kiosk.payByQr({});
    setBusy(false);
    if (shown.ok) setOrder(shown.value);
    else setProblem(errorMessage(shown.error.code));
  };

  const toWindow = async (): Promise<void> => {
    setBusy(true);
    await kiosk.leavePayment({ reason: 'window' });
    setBusy(false);
    void finish();
  };

  /** A failed, timed-out or reversed order: another try opens a new one (the old one took nothing). */
  const tryAgain = async (): Promise<void> => {
    setWay('choose');
    setProblem(null);
    await open();
  };

  if (slip === null) return null;
  const settled = order !== null && ['failed', 'cancelled', 'reversed'].includes(order.state);
  const canRetry = settled && order.reason !== 'amount_mismatch';
  const paying = order?.state === 'paying' || order?.state === 'cancelling';
  return (
    <Screen
      name="payment"
      title={t('payment.title')}
      start={
        order?.state === 'paying' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            data-testid="cancel-payment"
            onClick={() => {
              setBusy(true);
              void kiosk.leavePayment({ reason: 'left' }).then((left) => {
                setBusy(false);
                if (left.ok) setOrder(left.value);
              });
            }}
          >
            {t('payment.cancel')}
          </button>
        ) : order?.state === 'paid' || paying ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            data-testid="pay-at-window"
            onClick={() => void toWindow()}
          >
            {t('payment.window')}
          </button>
        )
      }
      end={
        canRetry ? (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void tryAgain()}
          >
            {t('payment.retry')}
          </button>
        ) : settled || order?.state === 'cancelling' ? (
          <button type="button" className="button button-primary" onClick={() => void finish()}>
            {t('payment.toSlip')}
          </button>
        ) : way !== 'choose' && order?.state === 'created' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              setWay('choose');
              setProblem(null);
            }}
          >
            {t('payment.otherWay')}
          </button>
        ) : null
      }
    >
      <p className="screen-lead">
        {t('payment.lead')}{' '}
        <span dir="ltr" data-testid="payment-application-no">
          {slip.applicationNo}
        </span>
      </p>
      <dl className="summary payment-items">
        {slip.fee.items.map((item, i) => (
          <div className="summary-row" key={i}>
            <dt>{l(item.label)}</dt>
            <dd dir="ltr">{formatFee(item.amount)}</dd>
          </div>
        ))}
        <div className="summary-row payment-total">
          <dt>{t('payment.total')}</dt>
          <dd dir="ltr" data-testid="payment-total">
            {formatFee(slip.fee.total)}
          </dd>
        </div>
      </dl>
      {message !== null && (
        <p
          className={`notice payment-state${order?.state === 'paid' ? ' notice-ok' : settled || problem !== null ? ' notice-error' : ''}`}
          role={settled || problem !== null ? 'alert' : 'status'}
          data-testid="payment-state"
        >
          {t(message)}
        </p>
      )}
      {order?.state === 'created' && way === 'choose' && (
        <div className="payment-ways">
          <button
            type="button"
            className="button button-primary payment-way"
            disabled={busy}
            onClick={() => setWay('code')}
          >
            <strong>{t('payment.way.code')}</strong>
            <span>{t('payment.way.codeHint')}</span>
          </button>
          <button
            type="button"
            className="button button-secondary payment-way"
            disabled={busy}
            onClick={() => void showQr()}
          >
            <strong>{t('payment.way.qr')}</strong>
            <span>{t('payment.way.qrHint')}</span>
          </button>
        </div>
      )}
      {order?.state === 'created' && way === 'code' && (
        <div className="payment-scan" data-testid="payment-scan">
          <p className="payment-scan-arrow" aria-hidden="true">
            ⬇
          </p>
          <p>{t('payment.code.instruction')}</p>
        </div>
      )}
      {order?.qr !== null && order?.qr !== undefined && (
        <figure className="payment-qr">
          <QrCode text={order.qr} label={t('payment.qr.caption')} size={280} />
          <figcaption>{t('payment.qr.caption')}</figcaption>
        </figure>
      )}
      {paying && (
        <p className="payment-waiting" aria-hidden="true">
          <span className="spinner" />
        </p>
      )}
    </Screen>
  );
}
