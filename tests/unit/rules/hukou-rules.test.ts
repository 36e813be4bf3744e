import { describe, expect, it } from 'vitest';
import { describeRequirement } from '../../../rules/engine/requirements';
import { evaluator, ids, loadRule, questionIds } from './load-rule';

const run = evaluator(loadRule('hukou-move-in'));
const base = {
  approval: 'notNeeded',
  intoOthersHousehold: 'no',
  fromRegion: '110105',
  toAddress: '北京市朝阳区示例路8号2单元301室',
  mobile: '13800138000',
};

describe('户口迁移（迁入）(hukou-move-in)', () => {
  it.each([
    ['spouse', ['ownHouseholdRegister', 'marriageCertificate']],
    ['family', ['ownHouseholdRegister', 'familyProof']],
    ['house', ['ownHouseholdRegister', 'propertyCertificate']],
    ['work', ['ownHouseholdRegister', 'workProof']],
    ['study', ['ownHouseholdRegister', 'studyProof']],
  ])('reason %s needs its own proof', (reason, expected) => {
    const result = run({ ...base, reason });
    expect(result.fieldErrors).toEqual([]);
    expect(ids(result.missing)).toEqual(expected);
    expect(result.fee.total).toBe(0);
  });

  it("needs the receiving household's register and the head's consent when moving into another household", () => {
    const result = run({
      ...base,
      reason: 'spouse',
      intoOthersHousehold: 'yes',
      householdHeadName: '李华',
      relationToHead: '夫',
    });
    expect(ids(result.missing)).toEqual([
      'ownHouseholdRegister',
      'receivingHouseholdRegister',
      'headConsent',
      'marriageCertificate',
    ]);
    expect(questionIds(result)).toEqual(
      expect.arrayContaining(['householdHeadName', 'relationToHead']),
    );
  });

  it('accepts either a birth certificate or a kinship proof for family (at least one of)', () => {
    const family = { ...base, reason: 'family' };
    expect(
      ids(
        run(family, { materials: { ownHouseholdRegister: 'bring', kinshipProof: 'bring' } })
          .missing,
      ),
    ).toEqual([]);
    expect(
      ids(
        run(family, { materials: { ownHouseholdRegister: 'bring', birthCertificate: 'bring' } })
          .missing,
      ),
    ).toEqual([]);
    expect(
      ids(
        run(family, { materials: { ownHouseholdRegister: 'bring', birthCertificate: 'missing' } })
          .missing,
      ),
    ).toEqual(['familyProof']);
  });

  it('accepts a contract with social insurance, or a talent certificate, for work', () => {
    const work = { ...base, reason: 'work' };
    const has = (materials: Record<string, 'bring' | 'missing'>) =>
      ids(run(work, { materials: { ownHouseholdRegister: 'bring', ...materials } }).missing);
    expect(has({ laborContract: 'bring' })).toEqual(['workProof']);
    expect(has({ laborContract: 'bring', socialInsuranceRecord: 'bring' })).toEqual([]);
    expect(has({ talentCertificate: 'bring' })).toEqual([]);
  });

  it('says what would satisfy each missing requirement, for the 一次性告知单', () => {
    const [, work] = run({ ...base, reason: 'work' }).missing;
    expect(describeRequirement(work!)).toEqual({
      'zh-CN': '劳动合同和社会保险缴纳证明；或人才引进证明',
      en: 'Employment contract and Social insurance payment record; or Talent recruitment certificate',
    });
    const [, family] = run({ ...base, reason: 'family' }).missing;
    expect(describeRequirement(family!)['zh-CN']).toBe('出生医学证明或亲属关系证明（任选一项）');
  });

  it('is done on the spot where no approval is awaited, within 20 working days where it is, whatever the reason', () => {
    for (const reason of ['spouse', 'house', 'work']) {
      for (const approval of ['approved', 'notNeeded'])
        expect(run({ ...base, reason, approval }).timeLimit).toEqual({ days: 0, unit: 'working' });
      const pending = run({ ...base, reason, approval: 'pending' });
      expect(pending.timeLimit).toEqual({ days: 20, unit: 'working' });
      expect(pending.due.date).toBe('2026-12-25');
    }
    // The approval itself is a material once the citizen says it was given.
    expect(ids(run({ ...base, reason: 'house', approval: 'approved' }).missing)).toContain(
      'moveInPermit',
    );
  });

  it('refuses an unknown region code', () => {
    expect(run({ ...base, reason: 'house', fromRegion: '999999' }).fieldErrors).toEqual([
      { questionId: 'fromRegion', code: 'region_unknown', params: {} },
    ]);
  });
});
