import { describe, expect, it } from 'vitest';
import { journeySteps } from '../../../renderer/state/journey-steps';

const full = { questions: true, materials: true };

describe('the whole-journey stepper', () => {
  it('names six stages and where the citizen is', () => {
    expect(journeySteps({ name: 'guide', serviceId: 'passport' }, full)).toEqual({
      stages: ['guide', 'identity', 'questions', 'materials', 'review', 'slip'],
      current: 0,
    });
    expect(journeySteps({ name: 'question', questionId: 'phone' }, full)?.current).toBe(2);
    expect(journeySteps({ name: 'slip' }, full)?.current).toBe(5);
  });

  it('counts the camera as part of the materials', () => {
    expect(journeySteps({ name: 'camera', materialId: 'photo' }, full)?.current).toBe(3);
  });

  it('leaves out a stage the journey does not have, so the count is the one walked', () => {
    const steps = journeySteps({ name: 'review' }, { questions: true, materials: false });
    expect(steps?.stages).toEqual(['guide', 'identity', 'questions', 'review', 'slip']);
    expect(steps?.current).toBe(3);
  });

  it('keeps the stage showing even when the rules say it is not needed', () => {
    // Answers can drop every material while the citizen looks at the materials screen.
    const steps = journeySteps({ name: 'materials' }, { questions: true, materials: false });
    expect(steps?.stages).toContain('materials');
    expect(steps?.current).toBe(3);
  });

  it('shows nothing outside a journey', () => {
    for (const name of ['home', 'diagnostics', 'queue'] as const)
      expect(journeySteps({ name }, full)).toBeNull();
    expect(journeySteps({ name: 'status' }, full)).toBeNull();
  });
});
