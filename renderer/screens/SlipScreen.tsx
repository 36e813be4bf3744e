import { ActionBar } from '../components/ActionBar';
import { CheckIcon } from '../components/icons';
import { QrCode } from '../components/QrCode';
import { aside, formatDate, formatDateTime, formatFee, maskName } from '../format';
import { useT } from '../i18n';
import { endJourney } from '../state/actions';
import { useJourney } from '../state/journey';
import { useScreenHeading } from './use-screen-heading';

/** 受理回执 on screen: the application number, QR, fee, due date and how to follow it up. */
export function SlipScreen() {
  const { t, l, locale } = useT();
  const slip = useJourney((s) => s.slip);
  const heading = useScreenHeading();
  if (slip === null) return null;
  const due =
    slip.workingDays === 0
      ? t('timeLimit.onSpot')
      : `${formatDate(slip.dueDate, locale)}${slip.dueDateCertain ? '' : t('slip.dueDateUncertain')}`;
  const rows: [string, string][] = [
    [t('slip.service'), l(slip.serviceName)],
    [t('slip.applicant'), maskName(slip.applicantName)],
    [t('slip.submittedAt'), formatDateTime(slip.submittedAt, locale)],
    [t('slip.status'), t(`slip.status.${slip.status}` as const)],
    [
      t('slip.fee'),
      slip.fee.amount === 0
        ? t('review.feeNone')
        : `${formatFee(slip.fee.amount)}${aside(l(slip.fee.label), locale)}`,
    ],
    [
      t('slip.timeLimit'),
      slip.workingDays === 0
        ? t('timeLimit.onSpot')
        : t('timeLimit.days', { days: slip.workingDays }),
    ],
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
        <dl className="summary slip-rows">
          {rows.map(([label, value]) => (
            <div className="summary-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="block-title">{t('slip.bring')}</h3>
        <ul className="bullets">
          {slip.materials.map((m, i) => (
            <li key={i}>{l(m.name)}</li>
          ))}
        </ul>
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
      <ActionBar
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
