import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { LANGUAGE_NAMES, directionOf, type Locale } from '../i18n/locale';
import { useUi } from '../state/ui';
import { GlobeIcon } from './icons';

/** Until the kiosk's info arrives (one constant: a selector's new array each render would loop). */
const BEFORE_INFO: readonly Locale[] = ['zh-CN', 'en'];

/**
 * The header's language control. Two languages: one button that switches to
 * the other, named in that language. More: a button with a globe and the
 * current language opens the list, each language named in itself, so a
 * citizen finds theirs whatever the screen is in.
 */
export function LanguageSwitch() {
  const { t, locale } = useT();
  const languages = useUi((s) => s.info?.languages ?? BEFORE_INFO);
  const setLocale = useUi((s) => s.setLocale);
  // Open for the language it was opened in: a new one (chosen, or the next session's default) closes it.
  const [openIn, setOpenIn] = useState<Locale | null>(null);
  const open = openIn === locale;
  const setOpen = (on: boolean): void => setOpenIn(on ? locale : null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: Event): void => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !box.current?.contains(event.target as Node)
      )
        setOpenIn(null);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const others = languages.filter((l) => l !== locale);
  if (others.length === 0) return null;
  if (languages.length === 2 && others[0] !== undefined) {
    const other = others[0];
    return (
      <button
        type="button"
        className="button button-ghost header-language"
        lang={other}
        dir={directionOf(other)}
        aria-label={LANGUAGE_NAMES[other].switchTo}
        onClick={() => setLocale(other)}
      >
        {LANGUAGE_NAMES[other].name}
      </button>
    );
  }
  const choose = (next: Locale): void => {
    setOpen(false);
    setLocale(next);
  };
  return (
    <div className="language-chooser" ref={box}>
      <button
        type="button"
        className="button button-ghost header-language"
        aria-expanded={open}
        aria-controls="language-list"
        aria-label={`${t('app.chooseLanguage')}: ${LANGUAGE_NAMES[locale].name}`}
        onClick={() => setOpen(!open)}
      >
        <GlobeIcon />
        {LANGUAGE_NAMES[locale].name}
      </button>
      {open && (
        <ul className="language-list" id="language-list">
          {languages.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="button language-option"
                lang={code}
                dir={directionOf(code)}
                aria-pressed={code === locale}
                onClick={() => choose(code)}
              >
                {LANGUAGE_NAMES[code].name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
