import type { IdentityCheck, PortraitRecord } from '../../core/face/identity-check';
import type { LivenessState } from '../../core/face/liveness';

/**
 * What one citizen session holds of the face steps, in the main process only:
 * consent, the tries of 人证核验 and its verdict, the 证件照 waiting for the
 * citizen's "use this one". The card's descriptor and the pending photo are the
 * only personal bytes, zeroed with the session (wipeFaceState).
 */
export interface FaceState {
  /** The citizen read the notice and chose the camera (per purpose), or the window. */
  readonly consent: { verify: 'camera' | 'window' | null; photo: 'camera' | 'window' | null };
  /** A hall guide sent this session to the window for both (audited). */
  guideWindow: boolean;
  verify: {
    tries: number;
    liveness: LivenessState | null;
    /** The best similarity seen, whatever the outcome: recorded with the verdict. */
    best: number | null;
    /** From the card's photo, computed once; 'unusable' when the model found no single face in it. */
    cardDescriptor: number[] | 'unusable' | null;
    result: IdentityCheck | null;
  };
  /** The 证件照 shown for "use this one", and the one kept (its JPEG is among the session's captures). */
  portrait: {
    pending: { readonly jpeg: Buffer; readonly record: PortraitRecord } | null;
    kept: PortraitRecord | null;
  };
}

export const newFaceState = (): FaceState => ({
  consent: { verify: null, photo: null },
  guideWindow: false,
  verify: { tries: 0, liveness: null, best: null, cardDescriptor: null, result: null },
  portrait: { pending: null, kept: null },
});

export function wipeFaceState(state: FaceState): void {
  state.portrait.pending?.jpeg.fill(0);
  if (Array.isArray(state.verify.cardDescriptor)) state.verify.cardDescriptor.fill(0);
  state.verify.cardDescriptor = null;
  state.portrait.pending = null;
}
