/**
 * Liveness by a blink on request: a photo held up to the camera cannot close
 * its eyes. The citizen is asked to blink; the frames the main process
 * analysed must show the eyes open, then closed, then open again, within the
 * time allowed and with the face in view throughout.
 */
export type LivenessPhase = 'open' | 'closed' | 'reopened' | 'passed' | 'timed_out';

export interface LivenessState {
  /** What the next frame must show: eyes open first, then closed, then open again. */
  readonly phase: LivenessPhase;
  readonly startedAt: number;
  /** When a face was last in view; a face gone for too long starts the blink over. */
  readonly lastFaceAt: number;
}

export const LIVENESS = {
  /** Lid gap over eye width: open eyes measure 0.3–0.45, closed ones 0.1–0.15. */
  open: 0.26,
  closed: 0.19,
  /** A face may drop out of a frame or two (a blink can fool a detector), not longer. */
  faceGoneMs: 1200,
} as const;

export const startLiveness = (now: number): LivenessState => ({
  phase: 'open',
  startedAt: now,
  lastFaceAt: now,
});

/** One analysed frame: when, and how open the eyes of the one face in it were (null: no single face). */
export function observeBlink(
  state: LivenessState,
  frame: { readonly at: number; readonly eyeOpenness: number | null },
  timeoutMs: number,
): LivenessState {
  if (state.phase === 'passed' || state.phase === 'timed_out') return state;
  if (frame.at - state.startedAt > timeoutMs) return { ...state, phase: 'timed_out' };
  if (frame.eyeOpenness === null)
    return frame.at - state.lastFaceAt > LIVENESS.faceGoneMs
      ? { ...state, phase: 'open', lastFaceAt: frame.at }
      : state;
  const seen = { ...state, lastFaceAt: frame.at };
  const eyes = frame.eyeOpenness;
  switch (state.phase) {
    case 'open':
      return eyes >= LIVENESS.open ? { ...seen, phase: 'closed' } : seen;
    case 'closed':
      return eyes <= LIVENESS.closed ? { ...seen, phase: 'reopened' } : seen;
    case 'reopened':
      return eyes >= LIVENESS.open ? { ...seen, phase: 'passed' } : seen;
  }
}
