import { useMemo } from 'react';
import { holidayCalendar } from '../../rules/data/holidays';
import { todayInChina } from '../../rules/engine/dates';
import { evaluate, type Evaluation } from '../../rules/engine/evaluate';
import { useJourney } from './journey';

/** The rules engine's view of the journey so far; recomputed on every answer. */
export function useEvaluation(): Evaluation | null {
  const rule = useJourney((s) => s.rule);
  const identity = useJourney((s) => s.identity);
  const answers = useJourney((s) => s.answers);
  return useMemo(
    () =>
      rule === null
        ? null
        : evaluate({
            rule,
            answers,
            applicant: identity,
            today: todayInChina(),
            calendar: holidayCalendar,
          }),
    [rule, identity, answers],
  );
}
