import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../electron/config/default';
import { shippedCalendar } from '../../shipped-calendar';
import type { Applicant } from '../../../rules/engine/applicant';
import { evaluate, type Declarations, type Evaluation } from '../../../rules/engine/evaluate';
import { parseCommonFile, parseServiceFile } from '../../../rules/engine/load';
import type { ServiceRule } from '../../../rules/engine/schema';

const holidayCalendar = shippedCalendar();

const RULES = join(__dirname, '..', '..', '..', 'rules');

/** A shipped service merged with rules/common.json, exactly as the kiosk loads it. */
export function loadRule(id: string): ServiceRule {
  const common = parseCommonFile(readFileSync(join(RULES, 'common.json'), 'utf8'));
  if (!common.ok) throw new Error(JSON.stringify(common.problems));
  const parsed = parseServiceFile(
    readFileSync(join(RULES, 'services', `${id}.json`), 'utf8'),
    `${id}.json`,
    common.value,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

export const TODAY = '2026-11-27';

/** The demo station's code (北京市朝阳区): a card from Beijing is from this province. */
export const STATION_CODE = defaultConfig.station.code;

export const adult: Applicant = {
  kind: 'resident',
  name: '王晓明',
  sex: 'male',
  birthDate: '1988-06-15',
  idNumber: '110105198806150032',
  address: '北京市朝阳区示例路88号3单元201室',
  validTo: '2038-03-01',
};

/** Evaluates a rule for a citizen with a card (or none), answers and material declarations. */
export function evaluator(rule: ServiceRule) {
  return (
    answers: Record<string, string>,
    options: {
      card?: Applicant | null;
      materials?: Declarations;
      manualEntry?: boolean;
      today?: string;
      guide?: boolean;
      stationCode?: string;
    } = {},
  ): Evaluation =>
    evaluate({
      rule,
      answers,
      card: options.card === undefined ? adult : options.card,
      materials: options.materials ?? {},
      manualEntry: options.manualEntry ?? false,
      guideGreenChannel: options.guide ?? false,
      today: options.today ?? TODAY,
      calendar: holidayCalendar,
      stationCode: options.stationCode ?? STATION_CODE,
    });
}

export const ids = (list: readonly { readonly id: string }[]): string[] => list.map((x) => x.id);
export const questionIds = (e: Evaluation): string[] => e.questions.map((q) => q.question.id);
