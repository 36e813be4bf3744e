import { useEffect, useState } from 'react';
import { slipLines } from '../../core/slip-lines';
import { kiosk } from '../api/kiosk';
import { ActionBar } from '../components/ActionBar';
import { CheckIcon } from '../components/icons';
import { ApplicationForm } from '../components/ApplicationForm';
import { QrCode } from '../components/QrCode';
import { RatingPanel } from '../components/RatingPanel';
import { useT, type MessageKey } from '../i18n';
import { isFullLocale } from '../i18n/locale';
import { printSlip } from '../receipt/print-slip';
import { endJourney } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { useScreenHeading } from './use-screen-heading';

/** A slip line in the citizen's language, and under it in Chinese where that differs. */
/**
 * A slip line in the reader's language with its Chinese under it. Each part is
 * a bidi isolate: on a right-to-left (Uyghur) screen a value that is a number,
 * code, date or amount reads as it is stored (`dir="auto"` takes a run without
 * letters as left to right), and the Chinese line keeps its own order.
 */
function Bilingual({ text, zh }: { readonly text: string; readonly zh: string | undefined }) {
  if (zh === undefined || zh === text) return <span dir="auto">{text}</span>;
  return (
    <>
      <span dir="auto">{text}</span>
      <span className="slip-zh" lang="zh-CN" dir="ltr">
        {zh}
      </span>
    </>
  );
}

/** 申请回执 on screen: number, QR, fee, due date, what to bring and, when incomplete, the 一次性告知单. */
export function SlipScreen() {
  const { t, locale } = useT();
  const slip = useJourney((s) => s.slip);
  const cardRead = useJourney((s) => s.identity !== null);
  const heading = useScreenHeading();
  useScreenVoice(keyPrompt('voice.slip'), null, 'slip');
  const evaluation = useEvaluation();
  const [formNotice, setFormNotice] = useState<MessageKey | null>(null);
  const sent = useSent(slip?.applicationNo ?? null, slip?.backOfficeConfigured ?? false);
  if (slip === null) return null;
  /** The system printer in Electron; in a browser (web host) the browser's own print dialog, which also saves PDF. */
  const printForm = async (): Promise<void> => {
    const result = await kiosk.printForm({});
    if (result.ok) setFormNotice('slip.formPrinted');
    else if (result.error.code === 'no_system_printer') {
      window.print();
      setFormNotice('slip.formBrowser');
    } else setFormNotice('slip.formFailed');
  };
  // The same lines the receipt printer prints, in the screen's language; in Uyghur or
  // Tibetan each line carries its Chinese beside it, the words the window will read.
  const lines = slipLines(slip, locale);
  const zh = isFullLocale(locale) ? null : slipLines(slip, 'zh-CN');
  // Two codes (status and e-receipt) beside the number: smaller, so the number keeps its line.
  const qrSize = lines.receiptQr === null ? 220 : 160;
  return (
    <section className="screen screen-slip" aria-labelledby="screen-title">
      <div className="success">
        <CheckIcon />
        <div>
          <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
            {t('slip.title')}
          </h1>
          <p className="screen-lead">{t('slip.subtitle')}</p>
        </div>
      </div>
      <PrintStatus />
      {cardRead && (
        <p className="notice notice-take-card" role="status">
          {t('slip.takeCard')}
        </p>
      )}
      <article className="slip" aria-labelledby="slip-heading">
        <h2 id="slip-heading" className="slip-heading">
          <Bilingual text={lines.heading} zh={zh?.heading} />
        </h2>
        <div className="slip-top">
          <div className="slip-number" data-audio-stop>
            <span className="slip-number-label">
              <Bilingual text={lines.applicationNoLabel} zh={zh?.applicationNoLabel} />
            </span>
            <span className="slip-number-value" data-testid="application-no" dir="ltr">
              {slip.applicationNo}
            </span>
          </div>
          <figure className="slip-qr">
            <QrCode text={lines.qrText} label={lines.qrCaption} size={qrSize} />
            <figcaption>{lines.qrCaption}</figcaption>
          </figure>
          {lines.receiptQr !== null && (
            <figure className="slip-qr" data-testid="receipt-qr">
              <QrCode text={lines.receiptQr.text} label={lines.receiptQr.caption} size={qrSize} />
              <figcaption>{lines.receiptQr.caption}</figcaption>
            </figure>
          )}
        </div>
        {lines.notice !== null && (
          <section
            className="one-time-notice"
            aria-labelledby="notice-title"
            data-testid="one-time-notice"
          >
            <h3 id="notice-title" className="notice-title">
              <Bilingual text={lines.notice.title} zh={zh?.notice?.title} />
            </h3>
            <p>
              <Bilingual text={lines.notice.lead} zh={zh?.notice?.lead} />
            </p>
            <ol>
              {lines.notice.items.map((item, i) => (
                <li key={i}>
                  <strong>{item.name}</strong>
                  {item.satisfiedBy !== null && (
                    <span className="notice-satisfy">{item.satisfiedBy}</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
        <dl className="summary slip-rows">
          {lines.rows.map(({ key, label, value }, i) => (
            <div className="summary-row" key={`${key}-${i}`} data-row={key}>
              <dt>
                <Bilingual text={label} zh={zh?.rows[i]?.label} />
              </dt>
              <dd>
                <Bilingual text={value} zh={zh?.rows[i]?.value} />
              </dd>
            </div>
          ))}
        </dl>
        {lines.bring.length > 0 && (
          <>
            <h3 className="block-title">
              <Bilingual text={lines.bringTitle} zh={zh?.bringTitle} />
            </h3>
            <ul className="bullets">
              {lines.bring.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          </>
        )}
        {lines.notes.map((note, i) => (
          <p className="slip-note" key={i}>
            {note}
          </p>
        ))}
        <h3 className="block-title">
          <Bilingual text={lines.howToQueryTitle} zh={zh?.howToQueryTitle} />
        </h3>
        <p>
          <Bilingual text={lines.howToQuery} zh={zh?.howToQuery} />
        </p>
        <p>
          <Bilingual text={lines.queryUntilSent} zh={zh?.queryUntilSent} />
        </p>
        <p
          className={`notice${sent ? ' notice-ok' : ''}`}
          role="status"
          data-testid="slip-sync"
          data-sent={sent}
        >
          {sent
            ? t('slip.accepted')
            : slip.backOfficeConfigured
              ? t('slip.queued')
              : t('slip.queuedLocal')}
        </p>
      </article>
      <RatingPanel key={slip.applicationNo} />
      {evaluation !== null && <ApplicationForm slip={slip} evaluation={evaluation} />}
      {formNotice !== null && (
        <p
          className={`notice${formNotice === 'slip.formFailed' ? ' notice-error' : ''}`}
          role="status"
        >
          {t(formNotice)}
        </p>
      )}
      <ActionBar
        start={
          <button
            type="button"
            className="button button-secondary"
            data-testid="print-form"
            onClick={() => void printForm()}
          >
            {t('slip.printForm')}
          </button>
        }
        end={
          <button
            type="button"
            className="button button-primary"
            onClick={() => void endJourney('finished')}
          >
            {t('slip.done')}
          </button>
        }
      />
    </section>
  );
}

function PrintStatus() {
  const { t, locale } = useT();
  const slip = useJourney((s) => s.slip);
  const setSlip = useJourney((s) => s.setSlip);
  const [busy, setBusy] = useState(false);
  if (slip === null) return null;
  const { status, problem } = slip.print;
  if (status === 'printed') {
    return (
      <p className="notice notice-ok" role="status">
        {t('slip.printed')}
      </p>
    );
  }
  if (status === 'no_printer') return <p className="notice">{t('slip.noPrinter')}</p>;
  if (status === 'waiting')
    return (
      <p className="notice" role="status">
        {t('slip.printing')}
      </p>
    );
  const key =
    problem === 'paper_out' || problem === 'cover_open' || problem === 'print_limit'
      ? (`slip.printFailed.${problem}` as const)
      : 'slip.printFailed.generic';
  // Printed as often as the kiosk allows: no button that cannot help.
  if (problem === 'print_limit')
    return (
      <p className="notice notice-error print-failed" role="alert">
        {t(key)}
      </p>
    );
  return (
    <div className="notice notice-error print-failed" role="alert">
      <p>{t(key)}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void printSlip(slip, locale).then((print) => {
            setBusy(false);
            setSlip({ ...slip, print });
          });
        }}
      >
        {t('slip.reprint')}
      </button>
    </div>
  );
}

/** How often the slip screen asks whether its application has reached the station. */
const SENT_POLL_MS = 3000;

/**
 * Whether the station has the application now. The slip says only this kiosk
 * can find it until then; the screen, unlike the paper, can say when that
 * changed. Asks this kiosk's own record only (the back office is asked once,
 * when the record says it was accepted), and stops then.
 */
function useSent(applicationNo: string | null, backOfficeConfigured: boolean): boolean {
  // The number found sent, so another slip on this screen starts unsent without a reset.
  const [sentNo, setSentNo] = useState<string | null>(null);
  useEffect(() => {
    if (applicationNo === null || !backOfficeConfigured) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (): Promise<void> => {
      const status = await kiosk.getApplicationStatus({ applicationNo });
      if (stopped) return;
      if (status.ok && status.value.sync === 'accepted') setSentNo(applicationNo);
      else if (!status.ok || status.value.sync !== 'rejected') {
        timer = setTimeout(() => void ask(), SENT_POLL_MS);
      }
    };
    timer = setTimeout(() => void ask(), SENT_POLL_MS / 3);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [applicationNo, backOfficeConfigured]);
  return applicationNo !== null && sentNo === applicationNo;
}
