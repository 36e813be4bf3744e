import { useState } from 'react';
import { kiosk } from '../api/kiosk';
import { ActionBar } from '../components/ActionBar';
import { CheckIcon } from '../components/icons';
import { ApplicationForm } from '../components/ApplicationForm';
import { QrCode } from '../components/QrCode';
import { aside, formatDate, formatDateTime, formatFee, maskName } from '../format';
import { useT, type MessageKey } from '../i18n';
import { timeLimitText } from '../time-limit';
import { endJourney } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { assistanceLines } from './assistance-text';
import { useScreenHeading } from './use-screen-heading';

/** 受理回执 on screen: number, QR, fee, due date, what to bring and, when incomplete, the 一次性告知单. */
export function SlipScreen() {
  const { t, l, locale } = useT();
  const slip = useJourney((s) => s.slip);
  const cardRead = useJourney((s) => s.identity !== null);
  const heading = useScreenHeading();
  useScreenVoice(keyPrompt('voice.slip'), null, 'slip');
  const evaluation = useEvaluation();
  const [formNotice, setFormNotice] = useState<MessageKey | null>(null);
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
  const incomplete = slip.status === 'pending_completion';
  const due =
    slip.workingDays === 0
      ? incomplete
        ? t('slip.onSpotAfterCompletion')
        : t('timeLimit.onSpot')
      : `${formatDate(slip.dueDate, locale)}${incomplete ? t('slip.dueAfterCompletion') : ''}${slip.dueDateCertain ? '' : t('slip.dueDateUncertain')}`;
  const fee =
    slip.fee.total === 0
      ? t('review.feeNone')
      : slip.fee.items.length === 1 && slip.fee.items[0] !== undefined
        ? `${formatFee(slip.fee.total)}${aside(l(slip.fee.items[0].label), locale)}`
        : `${formatFee(slip.fee.total)}${aside(slip.fee.items.map((i) => `${l(i.label)} ${formatFee(i.amount)}`).join(locale === 'zh-CN' ? '，' : ', '), locale)}`;
  const rows: [string, string][] = [
    [t('slip.service'), l(slip.serviceName)],
    [t('slip.applicant'), maskName(slip.applicantName)],
    [t('slip.submittedAt'), formatDateTime(slip.submittedAt, locale)],
    [t('slip.status'), t(`slip.status.${slip.status}` as const)],
    ...slip.outcomes.map((o): [string, string] => [l(o.label), l(o.text)]),
    ...(slip.greenChannel.length > 0
      ? [
          [
            t('slip.greenChannel'),
            slip.greenChannel.map(l).join(locale === 'zh-CN' ? '；' : '; '),
          ] as [string, string],
        ]
      : []),
    ...(slip.assistance === null
      ? []
      : [
          [
            t('slip.assistance'),
            assistanceLines(
              t,
              slip.assistance.greenChannelReason === null
                ? null
                : l(slip.assistance.greenChannelReason),
              slip.assistance.fillOnBehalf,
              slip.assistance.skippedOptional,
            ).join(locale === 'zh-CN' ? '；' : '; ') || t('slip.assistance'),
          ] as [string, string],
        ]),
    ...(slip.captured.length === 0
      ? []
      : [
          [
            t('slip.captured'),
            slip.captured.map((c) => l(c.name)).join(locale === 'zh-CN' ? '、' : ', '),
          ] as [string, string],
        ]),
    [t('slip.fee'), fee],
    [t('slip.timeLimit'), timeLimitText(t, slip.workingDays, slip.workingDays)],
    [t('slip.dueDate'), due],
    [t('slip.desk'), l(slip.desk)],
    [t('slip.station'), slip.station.name],
    [t('slip.stationPhone'), slip.station.phone],
    [t('slip.complaintPhone'), slip.station.complaintPhone],
  ];
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
          {t('slip.heading')}
        </h2>
        <div className="slip-top">
          <div className="slip-number">
            <span className="slip-number-label">{t('slip.applicationNo')}</span>
            <span className="slip-number-value" data-testid="application-no">
              {slip.applicationNo}
            </span>
          </div>
          <figure className="slip-qr">
            <QrCode text={slip.qrText} label={t('slip.qrLabel')} />
            <figcaption>{t('slip.qrLabel')}</figcaption>
          </figure>
        </div>
        {slip.missing.length > 0 && (
          <section
            className="one-time-notice"
            aria-labelledby="notice-title"
            data-testid="one-time-notice"
          >
            <h3 id="notice-title" className="notice-title">
              {t('slip.notice')}
            </h3>
            <p>{t('slip.noticeLead')}</p>
            <ol>
              {slip.missing.map((m, i) => (
                <li key={i}>
                  <strong>{l(m.name)}</strong>
                  {l(m.satisfiedBy) !== l(m.name) && (
                    <span className="notice-satisfy">
                      {t('slip.noticeSatisfy')}
                      {l(m.satisfiedBy)}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
        <dl className="summary slip-rows">
          {rows.map(([label, value]) => (
            <div className="summary-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {slip.bring.length > 0 && (
          <>
            <h3 className="block-title">{t('slip.bring')}</h3>
            <ul className="bullets">
              {slip.bring.map((m, i) => (
                <li key={i}>{l(m.name)}</li>
              ))}
            </ul>
          </>
        )}
        {slip.notes.map((note, i) => (
          <p className="slip-note" key={i}>
            {l(note)}
          </p>
        ))}
        <h3 className="block-title">{t('slip.howToQuery')}</h3>
        <p>{l(slip.howToQuery)}</p>
        <p className="notice" role="status">
          {slip.backOfficeConfigured ? t('slip.queued') : t('slip.queuedLocal')}
        </p>
      </article>
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
  const { t } = useT();
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
  const key =
    problem === 'paper_out' || problem === 'cover_open'
      ? (`slip.printFailed.${problem}` as const)
      : 'slip.printFailed.generic';
  return (
    <div className="notice notice-error print-failed" role="alert">
      <p>{t(key)}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void kiosk.printSlip({}).then((r) => {
            setBusy(false);
            if (r.ok) setSlip({ ...slip, print: r.value });
          });
        }}
      >
        {t('slip.reprint')}
      </button>
    </div>
  );
}
