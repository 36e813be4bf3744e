import { create } from 'zustand';
import type { Assistance, Slip } from '../../core/api/contract';
import type { Identity } from '../../core/identity';
import type { Signature } from '../../core/signature';
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
  /**
   * A card already lay on the reader when the session started: it is read,
   * and shown only by its masked name until the citizen says it is theirs.
   */
  readonly cardFirst: boolean;
  /** Came to a question from the review screen's "change" link: go back there after it. */
  readonly returnToReview: boolean;
  /** What a hall guide did in this session (mirrors the main process's record). */
  readonly assistance: Assistance | null;
  /** Photos of materials taken here; `url` is a blob: URL for the thumbnail, revoked on wipe. */
  readonly captures: readonly CaptureView[];
  /** Drawn on the review screen; null until then, or when the form is signed at the window. */
  readonly signature: Signature | null;
  /** How 人证核验 ended, as the main process said (null: not done at the kiosk). */
  readonly identityCheck: 'passed' | 'failed' | 'not_possible' | null;
  readonly begin: (rule: ServiceRule, cardFirst: boolean) => void;
  readonly setIdentity: (identity: Identity | null) => void;
  /** "是我的证件", or the card was lifted: from now on a read is an ordinary one. */
  readonly clearCardFirst: () => void;
  readonly setAnswer: (questionId: string, value: string) => void;
  readonly declareMaterial: (materialId: string, declaration: MaterialDeclaration) => void;
  readonly setManualEntry: (manualEntry: boolean) => void;
  readonly setReturnToReview: (value: boolean) => void;
  readonly setSlip: (slip: Slip) => void;
  readonly setAssistance: (assistance: Assistance) => void;
  readonly addCapture: (capture: CaptureView) => void;
  readonly removeCapture: (captureId: string) => void;
  readonly setSignature: (signature: Signature | null) => void;
  readonly setIdentityCheck: (outcome: 'passed' | 'failed' | 'not_possible') => void;
  readonly wipe: () => void;
}

export interface CaptureView {
  readonly id: string;
  readonly materialId: string;
  readonly url: string;
  readonly size: number;
}

const empty = {
  rule: null,
  identity: null,
  answers: {},
  materials: {},
  manualEntry: false,
  slip: null,
  cardFirst: false,
  returnToReview: false,
  assistance: null,
  captures: [],
  signature: null,
  identityCheck: null,
} as const;

export const useJourney = create<JourneyState>((set) => ({
  ...empty,
  begin: (rule, cardFirst) =>
    set((s) => {
      for (const c of s.captures) URL.revokeObjectURL(c.url);
      return { ...empty, rule, cardFirst };
    }),
  setIdentity: (identity) => set({ identity }),
  clearCardFirst: () => set({ cardFirst: false }),
  setAnswer: (questionId, value) =>
    set((s) => ({ answers: { ...s.answers, [questionId]: value } })),
  declareMaterial: (materialId, declaration) =>
    set((s) => ({ materials: { ...s.materials, [materialId]: declaration } })),
  setManualEntry: (manualEntry) => set({ manualEntry }),
  setReturnToReview: (returnToReview) => set({ returnToReview }),
  setSlip: (slip) => set({ slip }),
  setAssistance: (assistance) => set({ assistance }),
  setSignature: (signature) => set({ signature }),
  setIdentityCheck: (identityCheck) => set({ identityCheck }),
  addCapture: (capture) => set((s) => ({ captures: [...s.captures, capture] })),
  removeCapture: (captureId) =>
    set((s) => {
      for (const c of s.captures) if (c.id === captureId) URL.revokeObjectURL(c.url);
      return { captures: s.captures.filter((c) => c.id !== captureId) };
    }),
  wipe: () =>
    set((s) => {
      // The photos' bytes live behind these URLs: let them go with the session.
      for (const c of s.captures) URL.revokeObjectURL(c.url);
      return { ...empty };
    }),
}));
