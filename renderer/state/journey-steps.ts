import type { Screen } from './ui';

/** The stages of every journey, in order: what the whole-journey stepper names. */
export type JourneyStage = 'guide' | 'identity' | 'questions' | 'materials' | 'review' | 'slip';

export interface JourneySteps {
  readonly stages: readonly JourneyStage[];
  /** Index into `stages` of the screen showing now. */
  readonly current: number;
}

/** The stage a screen belongs to, or null for screens outside a journey (home, staff, status). */
export function stageOf(screen: Screen): JourneyStage | null {
  switch (screen.name) {
    case 'guide':
      return 'guide';
    case 'idcard':
      return 'identity';
    case 'face':
      return screen.purpose === 'verify' ? 'identity' : 'materials';
    case 'question':
      return 'questions';
    case 'materials':
    case 'camera':
      return 'materials';
    case 'review':
      return 'review';
    // Paying comes after the application was stored: the last stage, with its slip.
    case 'payment':
    case 'slip':
      return 'slip';
    case 'home':
    case 'diagnostics':
    case 'status':
    case 'queue':
      return null;
  }
}

/**
 * Where the citizen is in the whole journey. A stage the journey does not have
 * is left out (no materials beyond the card, no questions), so the count a
 * citizen hears is the count they walk; a screen outside a journey has none.
 */
export function journeySteps(
  screen: Screen,
  has: { readonly questions: boolean; readonly materials: boolean },
): JourneySteps | null {
  const stage = stageOf(screen);
  if (stage === null) return null;
  const stages = (
    ['guide', 'identity', 'questions', 'materials', 'review', 'slip'] as const
  ).filter(
    (s) =>
      ((s !== 'questions' || has.questions) && (s !== 'materials' || has.materials)) || s === stage,
  );
  return { stages, current: stages.indexOf(stage) };
}
