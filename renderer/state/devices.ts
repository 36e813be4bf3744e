import { create } from 'zustand';
import type { DeviceStatusView } from '../../core/api/contract';

/** Device health as the main process reports it, to warn citizens before they start. */
interface DevicesState {
  readonly devices: readonly DeviceStatusView[];
  readonly setDevices: (devices: readonly DeviceStatusView[]) => void;
}

export const useDevices = create<DevicesState>((set) => ({
  devices: [],
  setDevices: (devices) => set({ devices }),
}));

/** True when no device of the kind is configured (nothing to warn about) or one of them is ready. */
const kindReady =
  (kind: DeviceStatusView['kind']) =>
  (devices: readonly DeviceStatusView[]): boolean =>
    !devices.some((d) => d.kind === kind) ||
    devices.some((d) => d.kind === kind && d.state === 'ready');

export const readerReady = kindReady('idcard');
/** A kiosk without a printer says so on the slip; a printer that is down is worth a warning before. */
export const printerReady = kindReady('printer');
/** Without a working scanner the status screen asks for the number on the keypad instead. */
export const scannerReady = kindReady('scanner');
