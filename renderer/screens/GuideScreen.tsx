import { useEffect, useState, type ReactNode } from 'react';
import type { ServiceRule } from '../../rules/engine/schema';
import { kiosk } from '../api/kiosk';
import { Screen } from '../components/Screen';
import { GuideMaterials } from '../components/GuideMaterials';
import { useT } from '../i18n';
import { summaryLimitText } from '../../core/slip-lines';
import { timeLimitRange } from '../../rules/engine/time-limit';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

/** 办事指南: every public fact of the item, readable at a glance, then "开始办理". */
export function GuideScreen({ serviceId }: { readonly serviceId: string }) {
  const { t, l, locale } = useT();
  const go = useUi((s) => s.go);
  const stationPhone = useUi((s) => s.info?.station.phone ?? '');
  const begin = useJourney((s) => s.begin);
  const [rule, setRule] = useState<ServiceRule | null>(null);
  const [failed, setFailed] = useState(false);
  const [starting, setStarting] = useState(false);
  useScreenVoice(keyPrompt('voice.guide'), null, `guide:${serviceId}`);

  useEffect(() => {
    void kiosk.getService({ serviceId }).then((result) => {
      if (result.ok) setRule(result.value);
      else setFailed(true);
    });
  }, [serviceId]);

  const start = async (): Promise<void> => {
    if (rule === null) return;
    setStarting(true);
    const session = await kiosk.startSession({ serviceId });
    setStarting(false);
    if (!session.ok) {
      setFailed(true);
      return;
    }
    begin(rule, session.value.cardOnReader);
    go({ name: 'idcard' });
  };

  const guide = rule?.guide;
  const range = rule === null ? null : timeLimitRange(rule);
  const limit = range === null ? '' : summaryLimitText(locale, range);

  return (
    <Screen
      name="guide"
      title={rule === null ? t('app.loading') : l(rule.name)}
      kicker={<p className="screen-kicker">{t('guide.title')}</p>}
      start={
        <button
          type="button"
          className="button button-secondary"
          onClick={() => go({ name: 'home' })}
        >
          {t('app.home')}
        </button>
      }
      end={
        <button
          type="button"
          className="button button-primary"
          disabled={rule === null || starting}
          onClick={() => void start()}
        >
          {t('guide.start')}
        </button>
      }
    >
      {failed && <p className="notice notice-error">{t('app.startFailed')}</p>}
      {rule !== null && guide !== undefined && (
        <>
          <div className="guide-facts">
            <div className="fact">
              <span className="fact-label">{t('guide.timeLimit')}</span>
              <span className="fact-value">{limit}</span>
            </div>
            <div className="fact fact-fee">
              <span className="fact-label">{t('guide.fee')}</span>
              <span className="fact-value">{l(guide.feeNote)}</span>
            </div>
            <div className="fact">
              <span className="fact-label">{t('guide.visits')}</span>
              <span className="fact-value">{t('guide.visitsValue', { visits: guide.visits })}</span>
            </div>
          </div>
          <div className="guide-columns">
            <div className="guide-column">
              <GuideSection title={t('guide.audience')}>
                <p>{l(guide.audience)}</p>
              </GuideSection>
              <GuideSection title={t('guide.conditions')}>
                <ul className="bullets">
                  {guide.conditions.map((c, i) => (
                    <li key={i}>{l(c)}</li>
                  ))}
                </ul>
              </GuideSection>
              <GuideSection title={t('guide.materials')}>
                <GuideMaterials rule={rule} />
              </GuideSection>
            </div>
            <div className="guide-column">
              <GuideSection title={t('guide.process')}>
                <ol className="steps">
                  {guide.process.map((step, i) => (
                    <li key={i} className="step">
                      <span className="step-title">{l(step.title)}</span>
                      <span className="step-detail">{l(step.detail)}</span>
                    </li>
                  ))}
                </ol>
              </GuideSection>
              {guide.timeLimitNote !== undefined && (
                <GuideSection title={t('guide.timeLimit')}>
                  <p>{l(guide.timeLimitNote)}</p>
                </GuideSection>
              )}
              {guide.feeBasis !== undefined && (
                <GuideSection title={t('guide.feeBasis')}>
                  <p>{l(guide.feeBasis)}</p>
                </GuideSection>
              )}
              <GuideSection title={t('guide.legalBasis')}>
                <ul className="bullets">
                  {guide.legalBasis.map((b, i) => (
                    <li key={i}>{l(b)}</li>
                  ))}
                </ul>
              </GuideSection>
              <GuideSection title={t('guide.location')}>
                <p>{l(guide.location)}</p>
              </GuideSection>
              <dl className="phones">
                <div>
                  <dt>{t('guide.consultPhone')}</dt>
                  <dd>{guide.consultPhone ?? stationPhone}</dd>
                </div>
                <div>
                  <dt>{t('guide.complaintPhone')}</dt>
                  <dd>
                    {guide.complaintPhone}{' '}
                    <span className="hint">{t('guide.complaintPhoneFor')}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('guide.hotline')}</dt>
                  <dd>
                    12345 <span className="hint">{t('guide.hotlineFor')}</span>
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        </>
      )}
    </Screen>
  );
}

function GuideSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <section className="guide-section">
      <h2 className="guide-heading">{title}</h2>
      {children}
    </section>
  );
}
