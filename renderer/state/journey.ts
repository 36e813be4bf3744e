import { create } from 'zustand';
import type { Slip } from '../../electron/api/contract';
import type { Identity } from '../../electron/devices/idcard/identity';
import type { MaterialDeclaration } from '../../rules/engine/logic';
import type { ServiceRule } from '../../rules/engine/schema';

/**
 * Everything personal the renderer holds, in one slice. `wipe()` returns it to
 * empty when a session ends (finish, cancel, idle), so the next person at the
 * kiosk sees nothing. Lives in memory only: never persisted to any storage.
 */
interface JourneyState {
  readonly rule: ServiceRule | null;
  readonly identity: Identity | null;
  readonly answers: Readonly<Record<string, string>>;
  /** Per material: will bring it, or does not have it (一次性告知 lists those). */
  readonly materials: Readonly<Record<string, MaterialDeclaration>>;
  /** The citizen has no card with them and types name and ID number (补领). */
  readonly manualEntry: boolean;
  readonly slip: Slip | null;
  /** A card already lay on the reader when the session started. */
  readonly staleCard: boolean;
  /** Came to a question from the review screen's "change" link: go back there after it. */
  readonly returnToReview: boolean;
  readonly begin: (rule: ServiceRule, staleCard: boolean) => void;
  readonly setIdentity: (identity: Identity | null) => void;
  readonly clearStaleCard: () => void;
  readonly setAnswer: (questionId: string, value: string) => void;
  readonly declareMaterial: (materialId: string, declaration: MaterialDeclaration) => void;
  readonly setManualEntry: (manualEntry: boolean) => void;
  readonly setReturnToReview: (value: boolean) => void;
  readonly setSlip: (slip: Slip) => void;
  readonly wipe: () => void;
}

const empty = {
  rule: null,
  identity: null,
  answers: {},
  materials: {},
  manualEntry: false,
  slip: null,
  staleCard: false,
  returnToReview: false,
} as const;

export const useJourney = create<JourneyState>((set) => ({
  ...empty,
  begin: (rule, staleCard) => set({ ...empty, rule, staleCard }),
  setIdentity: (identity) => set({ identity, staleCard: false }),
  clearStaleCard: () => set({ staleCard: false }),
  setAnswer: (questionId, value) =>
    set((s) => ({ answers: { ...s.answers, [questionId]: value } })),
  declareMaterial: (materialId, declaration) =>
    set((s) => ({ materials: { ...s.materials, [materialId]: declaration } })),
  setManualEntry: (manualEntry) => set({ manualEntry }),
  setReturnToReview: (returnToReview) => set({ returnToReview }),
  setSlip: (slip) => set({ slip }),
  wipe: () => set({ ...empty }),
}));
