import { useEffect, useRef } from 'react';

/**
 * Moves focus to the screen's heading when a screen appears, so keyboard and
 * switch users start at the top of the new screen, in reading order.
 */
export function useScreenHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
