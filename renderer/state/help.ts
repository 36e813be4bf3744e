import { create } from 'zustand';
import type { HelpRequest } from '../../core/help-request';

/** The open call for a hall guide, as the main process last said (the helpRequest event). */
interface HelpState {
  readonly request: HelpRequest | null;
  readonly setRequest: (request: HelpRequest | null) => void;
}

export const useHelp = create<HelpState>((set) => ({
  request: null,
  setRequest: (request) => set({ request }),
}));
