import { useEffect, useRef, useState } from 'react';
import { kioskClock } from '../clock';
import { useT } from '../i18n';
import { useStaff } from '../state/staff';
import { useUi } from '../state/ui';
import { ShieldIcon } from './icons';

/** The time on the kiosk's clock, read again every 15 s and once the kiosk's info (and clock) has loaded. */
function useClock(): Date {
  const [, setTick] = useState(0);
  useUi((s) => s.info);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  return kioskClock().now();
}

/** Holding the emblem for 3 s opens staff sign-in: out of citizens' way, findable by staff. */
function useLongPress(action: () => void, ms = 3000) {
  const timer = useRef<number | null>(null);
  const cancel = (): void => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  return {
    onPointerDown: () => {
      cancel();
      timer.current = window.setTimeout(action, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    'data-testid': 'staff-entry',
  };
}

/** Station name, kiosk title, time, and the language switch: on every screen. */
export function Header() {
  const { t, locale } = useT();
  const info = useUi((s) => s.info);
  const setLocale = useUi((s) => s.setLocale);
  const now = useClock();
  const longPress = useLongPress(() => useStaff.getState().ask(true));
  const time = now.toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  const date = now.toLocaleDateString(locale, {
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'Asia/Shanghai',
  });
  return (
    <header className="header">
      <div className="header-brand" {...longPress}>
        <ShieldIcon />
        <div>
          <div className="header-title">{t('app.title')}</div>
          {info !== null && <div className="header-station">{info.station.name}</div>}
        </div>
      </div>
      <div className="header-side">
        <div className="header-clock" aria-hidden="true">
          <span className="header-time">{time}</span>
          <span className="header-date">{date}</span>
        </div>
        <button
          type="button"
          className="button button-ghost header-language"
          lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
          aria-label={t('app.languageSwitchLabel')}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('app.languageSwitch')}
        </button>
      </div>
    </header>
  );
}
