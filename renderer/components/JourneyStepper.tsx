import { useT, type MessageKey } from '../i18n';
import { needsMaterialsScreen } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { journeySteps, type JourneyStage } from '../state/journey-steps';
import { useUi } from '../state/ui';
import { CheckIcon } from './icons';

const stageLabel: Record<JourneyStage, MessageKey> = {
  guide: 'steps.guide',
  identity: 'steps.identity',
  questions: 'steps.questions',
  materials: 'steps.materials',
  review: 'steps.review',
  slip: 'steps.slip',
};

/**
 * The whole journey at a glance, on every journey screen: guide → card →
 * questions → materials → review → slip, done stages ticked, the current one
 * named. In 长辈版 only the current stage keeps its word beside the numbers.
 */
export function JourneyStepper() {
  const { t } = useT();
  const screen = useUi((s) => s.screen);
  const evaluation = useEvaluation();
  // No card was read (a child's household register, a lost card): the stage says what was done instead.
  const typed = useJourney((s) => s.manualEntry);
  const label = (stage: JourneyStage): MessageKey =>
    stage === 'identity' && typed ? 'steps.identityTyped' : stageLabel[stage];
  const steps = journeySteps(screen, {
    // Before 开始办理 (the guide screen) nothing is answered yet: assume the usual journey.
    questions: evaluation === null || evaluation.questions.length > 0,
    materials: evaluation === null || needsMaterialsScreen(evaluation),
  });
  if (steps === null) return null;
  const { stages, current } = steps;
  const currentStage = stages[current];
  return (
    <nav className="journey-stepper" aria-label={t('steps.label')} data-testid="journey-stepper">
      <p className="journey-stepper-summary">
        {t('steps.summary', {
          current: current + 1,
          total: stages.length,
          stage: currentStage === undefined ? '' : t(label(currentStage)),
        })}
      </p>
      <ol className="journey-steps">
        {stages.map((stage, i) => (
          <li
            key={stage}
            className={`journey-step${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="journey-step-mark" aria-hidden="true">
              {i < current ? <CheckIcon /> : i + 1}
            </span>
            <span className="journey-step-label">
              {t(label(stage))}
              {i < current && <span className="visually-hidden">{t('steps.done')}</span>}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
