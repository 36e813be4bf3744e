import { useEffect, useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n';

/** How far a control may reach past the foot and still count as seen (a border, a shadow). */
const END_SLACK_PX = 8;

/**
 * Whether a control or a heading lies (partly) below what is shown — with the
 * cue's own bar given back (`cueHeight`): what would fit without the cue does
 * not keep it. The scroller's padding under the last tile is not "more below".
 */
function moreBelow(scroller: HTMLElement, cueHeight: number): boolean {
  const foot = scroller.getBoundingClientRect().bottom + cueHeight + END_SLACK_PX;
  for (const element of scroller.querySelectorAll('button, a[href], h2, h3')) {
    if (element.closest('.scroll-cue') !== null) continue;
    if (element.getBoundingClientRect().bottom > foot) return true;
  }
  return false;
}

/**
 * 「下面还有业务」 under the screen while there is more below it: on a short
 * screen, in 长辈版, in Uyghur or Tibetan, or with a printer notice above, the
 * last services would otherwise lie under the fold with nothing saying so. A
 * bar of its own under the scrolling area, never over a tile; a tap scrolls
 * most of a screen further; it goes at the end.
 */
export function ScrollCue({ scroller }: { readonly scroller: RefObject<HTMLElement | null> }) {
  const { t } = useT();
  const [more, setMore] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const update = (): void => setMore(moreBelow(element, bar.current?.offsetHeight ?? 0));
    update();
    element.addEventListener('scroll', update, { passive: true });
    // Content changes size (a notice, another screen, 长辈版) without a scroll: watch it too.
    const resized = new ResizeObserver(update);
    resized.observe(element);
    const changed = new MutationObserver(update);
    changed.observe(element, { childList: true, subtree: true });
    return () => {
      element.removeEventListener('scroll', update);
      resized.disconnect();
      changed.disconnect();
    };
  }, [scroller]);
  if (!more) return null;
  return (
    <div className="scroll-cue-bar" ref={bar}>
      <button
        type="button"
        className="scroll-cue"
        data-testid="scroll-cue"
        // For a finger: Tab already scrolls each service into view, and the cue goes at the end.
        tabIndex={-1}
        onClick={() => {
          const element = scroller.current;
          element?.scrollBy({ top: element.clientHeight * 0.8, behavior: 'smooth' });
        }}
      >
        <span aria-hidden="true">↓</span> {t('app.moreBelow')}
      </button>
    </div>
  );
}
