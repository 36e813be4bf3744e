import type { ServiceCategory } from '../../rules/engine/schema';
import { useT } from '../i18n';
import { timeLimitText } from '../time-limit';
import { readerReady, useDevices } from '../state/devices';
import { useUi } from '../state/ui';
import { useScreenHeading } from './use-screen-heading';

/** The seed's four service areas, always in this order, each with its items. */
const CATEGORIES: readonly ServiceCategory[] = ['户籍', '出入境', '交通管理', '治安管理'];

export function HomeScreen() {
  const { t, l } = useT();
  const services = useUi((s) => s.services);
  const go = useUi((s) => s.go);
  const readerOk = useDevices((s) => readerReady(s.devices));
  const heading = useScreenHeading();
  return (
    <section className="screen screen-home" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {t('home.welcome')}
      </h1>
      <p className="screen-lead">{t('home.hint')}</p>
      {services.length === 0 && <p className="notice">{t('home.serviceUnavailable')}</p>}
      {!readerOk && (
        <p className="notice notice-error" role="status">
          {t('home.readerDown')}
        </p>
      )}
      <button
        type="button"
        className="status-tile"
        data-testid="check-status"
        onClick={() => go({ name: 'status' })}
      >
        <span className="service-name">{t('home.checkStatus')}</span>
        <span className="service-summary">{t('home.checkStatusHint')}</span>
      </button>
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
                <ul className="service-list">
                  {items.map((service) => (
                    <li key={service.id}>
                      <button
                        type="button"
                        className="service-tile"
                        data-service={service.id}
                        onClick={() => go({ name: 'guide', serviceId: service.id })}
                      >
                        <span className="service-name">{l(service.name)}</span>
                        <span className="service-summary">{l(service.summary)}</span>
                        <span className="service-facts">
                          {t('home.timeLimit', {
                            limit: timeLimitText(t, service.timeLimit.min, service.timeLimit.max),
                          })}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
