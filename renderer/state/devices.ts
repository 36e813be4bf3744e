import { create } from 'zustand';
import type { DeviceHealthView } from '../../electron/api/contract';

/** Device health as the main process reports it, to warn citizens before they start. */
interface DevicesState {
  readonly devices: readonly DeviceHealthView[];
  readonly setDevices: (devices: readonly DeviceHealthView[]) => void;
}

export const useDevices = create<DevicesState>((set) => ({
  devices: [],
  setDevices: (devices) => set({ devices }),
}));

export const readerReady = (devices: readonly DeviceHealthView[]): boolean =>
  !devices.some((d) => d.kind === 'idcard') ||
  devices.some((d) => d.kind === 'idcard' && d.state === 'ready');
