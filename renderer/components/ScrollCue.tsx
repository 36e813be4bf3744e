import { useEffect, useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n';

/** How far a control may reach past the foot and still count as seen (a border, a shadow). */
const END_SLACK_PX = 8;

/** What the foot of the screen says: nothing (all fits), more below, or the end reached. */
type Cue = 'none' | 'more' | 'end';

/**
 * Where the scroller stands. Whether the cue is needed at all is decided
 * from the layout, not from the scroll: with the cue's own bar given back
 * (`cueHeight`), what would fit without it does not get one. Once it is
 * there it stays, at the same height, to the end of the screen: a bar that
 * went when the last tile showed would let the scroller grow under the
 * citizen's finger and move the tile they were reaching for. The scroller's
 * padding under the last tile is not "more below".
 */
function cueOf(scroller: HTMLElement, cueHeight: number): Cue {
  const box = scroller.getBoundingClientRect();
  let lowest = -Infinity;
  for (const element of scroller.querySelectorAll('button, a[href], h2, h3')) {
    lowest = Math.max(lowest, element.getBoundingClientRect().bottom);
  }
  if (lowest === -Infinity) return 'none';
  // The lowest control's place in the content, whatever the scroll.
  const contentBottom = lowest - box.top + scroller.scrollTop;
  if (contentBottom <= box.height + cueHeight + END_SLACK_PX) return 'none';
  return lowest > box.bottom + END_SLACK_PX ? 'more' : 'end';
}

/**
 * 「下面还有业务」 under the screen while there is more below it: on a short
 * screen, in 长辈版, in Uyghur or Tibetan, or with a printer notice above, the
 * last services would otherwise lie under the fold with nothing saying so. A
 * bar of its own under the scrolling area, never over a tile; a tap scrolls
 * most of a screen further; at the end it says so and a tap goes back to the top.
 */
export function ScrollCue({ scroller }: { readonly scroller: RefObject<HTMLElement | null> }) {
  const { t } = useT();
  const [cue, setCue] = useState<Cue>('none');
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const update = (): void => setCue(cueOf(element, bar.current?.offsetHeight ?? 0));
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
  if (cue === 'none') return null;
  const atEnd = cue === 'end';
  return (
    <div className="scroll-cue-bar" ref={bar}>
      <button
        type="button"
        className="scroll-cue"
        data-testid="scroll-cue"
        data-cue={cue}
        // For a finger: Tab already scrolls each service into view.
        tabIndex={-1}
        onClick={() => {
          const element = scroller.current;
          if (atEnd) element?.scrollTo({ top: 0, behavior: 'smooth' });
          else element?.scrollBy({ top: element.clientHeight * 0.8, behavior: 'smooth' });
        }}
      >
        <span aria-hidden="true">{atEnd ? '↑' : '↓'}</span>{' '}
        {t(atEnd ? 'app.backToTop' : 'app.moreBelow')}
      </button>
    </div>
  );
}
