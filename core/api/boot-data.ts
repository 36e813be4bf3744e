import type { KioskInfo, ServiceSummary } from './contract';

/**
 * What the kiosk's page needs for its first screen, carried inside index.html as a
 * JSON data block (`<script type="application/json">`, which the CSP lets through
 * because it never runs). The home screen is then drawn from the first render,
 * without a loading screen and a round trip first. Public data only: the station,
 * its languages and its services; never anything of a citizen.
 */
export interface BootData {
  readonly info: KioskInfo;
  readonly services: readonly ServiceSummary[];
}

/** The data block's element id, read once by renderer/api/boot-data.ts. */
export const BOOT_DATA_ELEMENT_ID = 'kiosk-boot';
