import { useMemo } from 'react';
import { evaluate, type Evaluation } from '../../rules/engine/evaluate';
import { kioskToday } from '../clock';
import { useJourney } from './journey';
import { useUi } from './ui';

/** The rules engine's view of the journey so far; recomputed on every answer. */
export function useEvaluation(): Evaluation | null {
  const rule = useJourney((s) => s.rule);
  const identity = useJourney((s) => s.identity);
  const answers = useJourney((s) => s.answers);
  const materials = useJourney((s) => s.materials);
  const manualEntry = useJourney((s) => s.manualEntry);
  const calendar = useUi((s) => s.calendar);
  const stationCode = useUi((s) => s.info?.station.code ?? '');
  const guideGreenChannel = useJourney((s) => (s.assistance?.greenChannelReason ?? null) !== null);
  return useMemo(
    () =>
      rule === null
        ? null
        : evaluate({
            rule,
            answers,
            card: identity,
            manualEntry,
            materials,
            today: kioskToday(),
            calendar,
            guideGreenChannel,
            stationCode,
          }),
    [rule, identity, answers, materials, manualEntry, guideGreenChannel, calendar, stationCode],
  );
}
