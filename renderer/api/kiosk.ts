import type { KioskApi } from '../../core/api/contract';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in a plain browser on the web host. */
    readonly kiosk?: KioskApi;
  }
}

/** The renderer's only way to reach devices, storage and rules: IPC in Electron, HTTP in a browser. */
export const kiosk: KioskApi = window.kiosk ?? createWebClient();
