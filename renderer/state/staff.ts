import { create } from 'zustand';
import type { StaffRole } from '../../core/status';

/** Which staff role the main process has unlocked; the PIN itself never stays in the renderer. */
interface StaffState {
  readonly role: StaffRole | null;
  readonly asking: boolean;
  readonly setRole: (role: StaffRole | null) => void;
  readonly ask: (asking: boolean) => void;
}

export const useStaff = create<StaffState>((set) => ({
  role: null,
  asking: false,
  setRole: (role) => set({ role }),
  ask: (asking) => set({ asking }),
}));
