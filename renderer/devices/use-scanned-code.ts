import { useEffect, useRef } from 'react';
import { kiosk } from '../api/kiosk';
import { useUi } from '../state/ui';
import { createWedgeDetector } from './keyboard-wedge';

/**
 * Calls `onCode` with every code a scanner reads: serial and HID-POS scanners
 * through the main process's `scan` event, keyboard-wedge scanners by their
 * burst of keys ending in Enter (told apart from a person typing).
 */
export function useScannedCode(onCode: (text: string) => void): void {
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });
  useEffect(() => {
    const off = kiosk.on('scan', ({ text }) => latest.current(text));
    const wedge = createWedgeDetector();
    const onKey = (event: KeyboardEvent): void => {
      const code = wedge.feed({ key: event.key, at: event.timeStamp });
      if (code !== null) {
        event.preventDefault();
        latest.current(code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      off();
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}

/** The QR code printed on every acceptance slip starts with this (see electron/kiosk/application-number.ts). */
export const isSlipCode = (text: string): boolean =>
  text.trim().toUpperCase().startsWith('GAKIOSK:');

/** A slip held to the scanner on the home screen opens its status: no need to find the button first. */
export function useSlipScanAtHome(): void {
  const go = useUi((s) => s.go);
  useScannedCode((text) => {
    if (useUi.getState().screen.name !== 'home') return;
    if (isSlipCode(text)) go({ name: 'status', scanned: text });
    else useUi.getState().setForeignCode(true);
  });
}
