import { create } from 'zustand';
import type { StaffRole } from '../../core/status';
import { useUi } from './ui';

/** Which staff role the main process has unlocked; the PIN itself never stays in the renderer. */
interface StaffState {
  readonly role: StaffRole | null;
  readonly asking: boolean;
  readonly setRole: (role: StaffRole | null) => void;
  readonly ask: (asking: boolean) => void;
  /** What the main process says now (staffChanged): a staff screen left open without a sign-in goes home. */
  readonly follow: (status: { readonly role: StaffRole | null }) => void;
}

export const useStaff = create<StaffState>((set) => ({
  role: null,
  asking: false,
  setRole: (role) => set({ role }),
  ask: (asking) => set({ asking }),
  follow: ({ role }) => {
    set({ role });
    const { screen, go } = useUi.getState();
    if (role === null && (screen.name === 'queue' || screen.name === 'diagnostics'))
      go({ name: 'home' });
  },
}));
