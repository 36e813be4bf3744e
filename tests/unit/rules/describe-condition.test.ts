import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../../rules/engine/describe-condition';
import { resolveRequirements } from '../../../rules/engine/requirements';
import { loadRule } from './load-rule';

const SERVICES = readdirSync(join(__dirname, '..', '..', '..', 'rules', 'services'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('when a material is needed, as the guide says it', () => {
  it('names the question and the answer, or the age, from the rule’s own condition', () => {
    const passport = loadRule('passport-first');
    const needs = (id: string) =>
      describeCondition(
        resolveRequirements(passport).find((r) => r.id === id)?.requiredIf,
        passport.questions,
      );
    expect(needs('guardianIdCard')).toMatchObject({
      kind: 'all',
      clauses: [
        { kind: 'ageUnder', age: 16 },
        { kind: 'answer', not: true },
      ],
    });
    expect(needs('identityWithoutCard')).toEqual({ kind: 'card', has: false });
    // "answered 加急, and not 不需要": said as the second alone.
    expect(needs('urgentProof')).toMatchObject({ kind: 'answer', not: true });
    const employer = needs('employerOpinion');
    expect(employer).toMatchObject({ kind: 'answer', not: false });
    expect(employer?.kind === 'answer' && employer.answers.map((a) => a['zh-CN'])).toEqual(['是']);

    const permit = loadRule('hk-macau-permit');
    const old = describeCondition(
      resolveRequirements(permit).find((r) => r.id === 'oldPermit')?.requiredIf,
      permit.questions,
    );
    expect(old?.kind === 'answer' && old.answers.length).toBe(2);

    const nameChange = loadRule('name-change');
    expect(
      describeCondition(
        resolveRequirements(nameChange).find((r) => r.id === 'parentsConsent')?.requiredIf,
        nameChange.questions,
      ),
    ).toMatchObject({ kind: 'any', clauses: [{ kind: 'answer' }, { kind: 'ageUnder', age: 18 }] });
  });

  it('says nothing it cannot say simply, rather than something wrong', () => {
    expect(describeCondition({ var: 'identity.sex' }, [])).toBeNull();
    expect(describeCondition({ '==': [{ var: 'answers.nowhere' }, 'x'] }, [])).toBeNull();
    expect(describeCondition({ '+': [1, 2] }, [])).toBeNull();
  });

  it('describes nearly every conditional material of the shipped items (the rest are listed without one)', () => {
    let conditional = 0;
    let described = 0;
    for (const id of SERVICES) {
      const rule = loadRule(id);
      for (const r of resolveRequirements(rule)) {
        if (r.requiredIf === true) continue;
        conditional += 1;
        if (describeCondition(r.requiredIf, rule.questions) !== null) described += 1;
      }
    }
    console.log(`conditional materials described: ${described} of ${conditional}`);
    expect(described / conditional).toBeGreaterThan(0.95);
  });
});
