/** The kiosk page's own origin in Electron: a privileged custom scheme, never file://. */
export const KIOSK_SCHEME = 'app';
export const KIOSK_HOST = 'kiosk';
export const KIOSK_ORIGIN = `${KIOSK_SCHEME}://${KIOSK_HOST}`;
export const KIOSK_START_URL = `${KIOSK_ORIGIN}/index.html`;

/** True only for URLs of the kiosk's own page: navigation, IPC senders and permissions check this. */
export function isKioskUrl(url: string | undefined | null): boolean {
  if (url === undefined || url === null || url === '') return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === KIOSK_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Only the camera (for the document camera) and only for the kiosk page.
 * Microphone, geolocation, notifications, serial/HID from the page: never.
 */
export function permissionDecision(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] = [],
): boolean {
  if (permission !== 'media' || !isKioskUrl(requestingUrl)) return false;
  return mediaTypes.every((type) => type === 'video');
}
