import { useEffect, useRef, useState } from 'react';
import { kioskClock } from '../clock';
import { formatClock, formatDayOfWeek } from '../../base/text-format';
import { useT } from '../i18n';
import { useStaff } from '../state/staff';
import { useUi } from '../state/ui';
import { ShieldIcon } from './icons';
import { LanguageSwitch } from './LanguageSwitch';

/** The time on the kiosk's clock, read again every 15 s and once the kiosk's info (and clock) has loaded. */
function useClock(): Date {
  const [, setTick] = useState(0);
  useUi((s) => s.info);
  useEffect(() => kioskClock().every(15_000, () => setTick((n) => n + 1)), []);
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
  const now = useClock();
  const longPress = useLongPress(() => useStaff.getState().ask(true));
  const time = formatClock(now);
  const date = formatDayOfWeek(now, locale);
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
        <LanguageSwitch />
      </div>
    </header>
  );
}
