import { useEffect } from 'react';
import type { ServiceSummary } from '../../core/api/contract';
import type { ServiceCategory } from '../../rules/engine/schema';
import { useT } from '../i18n';
import { printerReady, readerReady, useDevices } from '../state/devices';
import { useUi } from '../state/ui';
import { summaryLimitText } from '../../core/slip-lines';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { useScreenHeading } from './use-screen-heading';

/** The seed's four service areas, always in this order, each with its items. */
const CATEGORIES: readonly ServiceCategory[] = ['户籍', '出入境', '交通管理', '治安管理'];

/**
 * Every service in one view, in both modes: nobody has to guess that 护照
 * is under 出入境. A tile holds the name and the time limit; what the item
 * is for is the first thing its guide says, one touch away.
 */
/** How long the home screen says a scanned code was no receipt's. */
const FOREIGN_CODE_MS = 10_000;

export function HomeScreen() {
  const { t } = useT();
  const services = useUi((s) => s.services);
  const go = useUi((s) => s.go);
  const readerOk = useDevices((s) => readerReady(s.devices));
  const printerOk = useDevices((s) => printerReady(s.devices));
  const foreignCode = useUi((s) => s.foreignCode);
  const rules = useUi((s) => s.info?.rules ?? null);
  useEffect(() => {
    // Said for a while, then gone; and never carried to another screen.
    if (!foreignCode) return;
    const timer = setTimeout(() => useUi.getState().setForeignCode(false), FOREIGN_CODE_MS);
    return () => {
      clearTimeout(timer);
      useUi.getState().setForeignCode(false);
    };
  }, [foreignCode]);
  const heading = useScreenHeading();
  useScreenVoice(keyPrompt('voice.home'), null, 'home');

  return (
    <section className="screen screen-home" aria-labelledby="screen-title">
      <div className="home-head">
        <div className="home-welcome">
          <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
            {t('home.welcome')}
          </h1>
          <p className="screen-lead">{t('home.hint')}</p>
        </div>
        {/* Another kind of errand: beside the welcome, so every service below stays in one view. */}
        <button
          type="button"
          className="status-tile"
          data-testid="check-status"
          onClick={() => go({ name: 'status' })}
        >
          <span className="service-name">{t('home.checkStatus')}</span>
          <span className="service-summary">{t('home.checkStatusHint')}</span>
        </button>
      </div>
      {services.length === 0 && <p className="notice">{t('home.serviceUnavailable')}</p>}
      {foreignCode && (
        <p className="notice notice-warn" role="status" data-testid="foreign-code">
          {t('home.foreignCode')}
        </p>
      )}
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
      {rules?.source === 'last-good' && (
        <p className="notice" role="status" data-testid="rules-last-good">
          {t('home.rulesLastGood', { version: rules.version })}
        </p>
      )}
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
            <span className="service-facts">
              {t('home.timeLimit', {
                limit: summaryLimitText(locale, service.timeLimit),
              })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
