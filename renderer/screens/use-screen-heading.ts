import { useEffect, useRef } from 'react';

/**
 * Moves focus to the screen's heading when a screen appears, so keyboard and
 * switch users start at the top of the new screen, in reading order. A screen
 * whose content turns into another (the card screen once the card is read)
 * passes `phase`, and focus moves again when it changes.
 */
export function useScreenHeading<T extends HTMLElement = HTMLHeadingElement>(phase?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [phase]);
  return ref;
}
