import { useEffect, useMemo, useState } from 'react';
import type { ServiceSummary } from '../../core/api/contract';
import type { ServiceCategory } from '../../rules/engine/schema';
import { useT } from '../i18n';
import { printerReady, readerReady, useDevices } from '../state/devices';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import { searchServices } from '../../core/service-search';
import { summaryLimitText } from '../../core/slip-lines';
import { Keypad } from '../components/Keypad';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { useScreenHeading } from './use-screen-heading';

/** The seed's four service areas, always in this order, each with its items. */
const CATEGORIES: readonly ServiceCategory[] = ['户籍', '出入境', '交通管理', '治安管理'];

/**
 * From this many items the tiles hold only their names on smaller screens and in 长辈版 (the
 * guide gives the time limit), so the whole catalogue still fits one view (kiosk.css).
 */
const MANY_ITEMS = 20;

/** How long the home screen says a scanned code was no receipt's. */
const FOREIGN_CODE_MS = 10_000;

/**
 * Every service in one view, in both modes: nobody has to guess that 护照
 * is under 出入境. A tile holds the name and the time limit (names only when
 * the catalogue is large and the screen small); what the item is for is the
 * first thing its guide says, one touch away.
 */
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
  // An elder already in 长辈版 is not told to tap 长辈版: that would turn it off.
  const elder = useAssist((s) => s.elder);
  useScreenVoice(
    keyPrompt(elder ? 'voice.homeElder' : 'voice.home'),
    null,
    elder ? 'home-elder' : 'home',
  );
  const [searching, setSearching] = useState(false);

  return (
    <section className="screen screen-home" aria-labelledby="screen-title">
      <div className="home-head">
        <div className="home-welcome">
          <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
            {t('home.welcome')}
          </h1>
          <p className="screen-lead">{t('home.hint')}</p>
        </div>
        {/* Finding an item by its letters: beside the welcome too, so the tiles keep their room. */}
        <button
          type="button"
          className="status-tile search-open"
          data-testid="search-open"
          aria-expanded={searching}
          onClick={() => setSearching(!searching)}
        >
          <span className="service-name">{t('search.open')}</span>
          <span className="service-summary">{t('search.openHint')}</span>
        </button>
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
      {searching && (
        <ServiceSearch
          onPick={(id) => go({ name: 'guide', serviceId: id })}
          onClose={() => setSearching(false)}
        />
      )}
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
      {/* While searching, the matches take the tiles' place. */}
      <div
        className="categories"
        hidden={searching}
        data-many={services.length >= MANY_ITEMS || undefined}
      >
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

/**
 * 搜索业务: letters on the screen's keypad, matched as 拼音首字母 ("hz" → 护照) or 全拼
 * ("huzhao") against keys the main process computed; the matches, best first, as tiles.
 */
/**
 * The best matches shown for a query: a first letter can match nearly every item of a
 * province's catalogue, and two hundred tiles help nobody (nor paint in time); the rest
 * are one more letter away, and the kiosk says how many.
 */
const SEARCH_SHOWN = 24;

function ServiceSearch({
  onPick,
  onClose,
}: {
  readonly onPick: (id: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useT();
  const services = useUi((s) => s.services);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchServices(services, query), [services, query]);
  return (
    <section className="service-search" aria-labelledby="search-title" data-testid="service-search">
      <div className="search-bar">
        <h2 id="search-title" className="block-title">
          {t('search.title')}
        </h2>
        <p className="search-query" aria-live="polite" data-testid="search-query" dir="ltr">
          {query === '' ? <span className="hint">{t('search.placeholder')}</span> : query}
        </p>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('search.close')}
        </button>
      </div>
      <Keypad
        layout="letters"
        onKey={(key) => setQuery((q) => (q.length < 24 ? q + key.toLowerCase() : q))}
        onDelete={() => setQuery((q) => q.slice(0, -1))}
        onClear={() => setQuery('')}
      />
      {query !== '' &&
        (found.length === 0 ? (
          <p className="notice" role="status">
            {t('search.none')}
          </p>
        ) : (
          <div data-testid="search-results" aria-live="polite">
            {/* Above the tiles: said where it is seen without scrolling. */}
            {found.length > SEARCH_SHOWN && (
              <p className="hint" role="status" data-testid="search-more">
                {t('search.more', { count: found.length - SEARCH_SHOWN })}
              </p>
            )}
            <ServiceList services={found.slice(0, SEARCH_SHOWN)} onPick={onPick} />
          </div>
        ))}
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
