import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../base/dates';
import { adult, evaluator, loadRule, TODAY } from './load-rule';

/**
 * For random answers and random "have it / don't have it" declarations, the
 * engine's 一次性告知 list must be exactly the requirements that apply and are
 * unmet — checked against an oracle that reads the rule file's JSON directly.
 */
const raw = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'rules', 'services', 'hukou-move-in.json'),
    'utf8',
  ),
) as {
  materials: { id: string; capture: string; requiredIf?: unknown }[];
  requirements: {
    id: string;
    requiredIf?: unknown;
    anyOf?: string[][];
    atLeast?: number;
    of?: string[];
  }[];
};
const rule = loadRule('hukou-move-in');
const run = evaluator(rule);

function oracle(
  answers: Record<string, string>,
  declared: Record<string, 'bring' | 'missing'>,
): string[] {
  const data = {
    answers,
    identity: { age: ageOn(adult.birthDate, TODAY) },
    materials: declared,
    today: TODAY,
  };
  const applies = (condition: unknown) =>
    condition === undefined || jsonLogic.truthy(jsonLogic.apply(condition, data));
  const has = (id: string) =>
    raw.materials.find((m) => m.id === id)?.capture === 'idcard' || declared[id] === 'bring';
  const grouped = new Set(
    raw.requirements.flatMap((r) => [...(r.anyOf ?? []).flat(), ...(r.of ?? [])]),
  );
  const missing: string[] = [];
  for (const m of raw.materials) {
    if (!grouped.has(m.id) && applies(m.requiredIf) && !has(m.id)) missing.push(m.id);
  }
  for (const r of raw.requirements) {
    if (!applies(r.requiredIf)) continue;
    const ok = r.of
      ? r.of.filter(has).length >= (r.atLeast ?? 1)
      : (r.anyOf ?? []).some((g) => g.every(has));
    if (!ok) missing.push(r.id);
  }
  return missing;
}

describe('the 一次性告知 list', () => {
  const materialIds = raw.materials.map((m) => m.id);
  it('is exactly the set of unmet requirements, whatever the answers and declarations', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('spouse', 'family', 'house', 'work', 'study'),
        fc.constantFrom('yes', 'no'),
        fc.dictionary(
          fc.constantFrom(...materialIds),
          fc.constantFrom('bring' as const, 'missing' as const),
        ),
        (reason, intoOthersHousehold, declared) => {
          const answers = { reason, intoOthersHousehold };
          const result = run(answers, { materials: declared });
          expect(result.missing.map((r) => r.id).sort()).toEqual(oracle(answers, declared).sort());
          expect(result.status).toBe(
            result.missing.length > 0 ? 'pending_completion' : 'pending_review',
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
