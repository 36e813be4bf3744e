import { useState } from 'react';
import type { ServiceSummary } from '../../electron/api/contract';
import type { ServiceCategory } from '../../rules/engine/schema';
import { useT } from '../i18n';
import { useAssist } from '../state/assist';
import { printerReady, readerReady, useDevices } from '../state/devices';
import { useUi } from '../state/ui';
import { timeLimitText } from '../../core/slip-lines';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { useScreenHeading } from './use-screen-heading';

/** The seed's four service areas, always in this order, each with its items. */
const CATEGORIES: readonly ServiceCategory[] = ['户籍', '出入境', '交通管理', '治安管理'];

/**
 * Every service at a glance; in 长辈版 fewer things at once: first the four
 * areas as large tiles, then the items of the one chosen.
 */
export function HomeScreen() {
  const { t } = useT();
  const services = useUi((s) => s.services);
  const go = useUi((s) => s.go);
  const elder = useAssist((s) => s.elder);
  const readerOk = useDevices((s) => readerReady(s.devices));
  const printerOk = useDevices((s) => printerReady(s.devices));
  const heading = useScreenHeading();
  const [area, setArea] = useState<ServiceCategory | null>(null);
  const chosen = elder ? area : null;
  useScreenVoice(
    keyPrompt(chosen === null ? 'voice.home' : 'voice.homeCategory'),
    null,
    chosen ?? 'home',
  );

  return (
    <section
      className={`screen screen-home${elder ? ' is-elder' : ''}`}
      aria-labelledby="screen-title"
    >
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {chosen === null ? t('home.welcome') : t(`category.${chosen}`)}
      </h1>
      <p className="screen-lead">{chosen === null ? t('home.hint') : t('home.chooseItem')}</p>
      {services.length === 0 && <p className="notice">{t('home.serviceUnavailable')}</p>}
      {!readerOk && (
        <p className="notice notice-error" role="status">
          {t('home.readerDown')}
        </p>
      )}
      {!printerOk && (
        <p className="notice" role="status">
          {t('home.printerDown')}
        </p>
      )}
      {chosen !== null ? (
        <>
          <ServiceList
            services={services.filter((s) => s.category === chosen)}
            onPick={(id) => go({ name: 'guide', serviceId: id })}
          />
          <button
            type="button"
            className="button button-secondary home-back"
            onClick={() => setArea(null)}
          >
            {t('home.allAreas')}
          </button>
        </>
      ) : elder ? (
        <ul className="area-list">
          {CATEGORIES.map((category) => {
            const count = services.filter((s) => s.category === category).length;
            return (
              <li key={category}>
                <button
                  type="button"
                  className="area-tile"
                  data-area={category}
                  disabled={count === 0}
                  onClick={() => setArea(category)}
                >
                  <span className="service-name">{t(`category.${category}`)}</span>
                  <span className="service-summary">
                    {count === 0 ? t('home.notYet') : t('home.itemCount', { n: count })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="categories">
          {CATEGORIES.map((category) => {
            const items = services.filter((s) => s.category === category);
            return (
              <section className="category" key={category} aria-labelledby={`category-${category}`}>
                <h2 className="category-title" id={`category-${category}`}>
                  {t(`category.${category}`)}
                </h2>
                {items.length === 0 ? (
                  <p className="category-empty">{t('home.notYet')}</p>
                ) : (
                  <ServiceList
                    services={items}
                    onPick={(id) => go({ name: 'guide', serviceId: id })}
                  />
                )}
              </section>
            );
          })}
        </div>
      )}
      {chosen === null && (
        <button
          type="button"
          className="status-tile"
          data-testid="check-status"
          onClick={() => go({ name: 'status' })}
        >
          <span className="service-name">{t('home.checkStatus')}</span>
          <span className="service-summary">{t('home.checkStatusHint')}</span>
        </button>
      )}
    </section>
  );
}

function ServiceList({
  services,
  onPick,
}: {
  readonly services: readonly ServiceSummary[];
  readonly onPick: (id: string) => void;
}) {
  const { t, l, locale } = useT();
  return (
    <ul className="service-list">
      {services.map((service) => (
        <li key={service.id}>
          <button
            type="button"
            className="service-tile"
            data-service={service.id}
            onClick={() => onPick(service.id)}
          >
            <span className="service-name">{l(service.name)}</span>
            <span className="service-summary">{l(service.summary)}</span>
            <span className="service-facts">
              {t('home.timeLimit', {
                limit: timeLimitText(locale, service.timeLimit.min, service.timeLimit.max),
              })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
