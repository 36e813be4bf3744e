import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule, questionIds } from './load-rule';

/**
 * What 普通护照首次申请 learned about a child (a companion the guardian sends,
 * a child who came alone, a child without a card), learned by the other
 * 出入境 items a child applies for in person.
 */
const ITEMS = [
  {
    id: 'passport-renewal',
    answers: {
      reason: 'damaged',
      oldPassportNumber: 'E12345678',
      urgent: 'no',
      pickup: 'window',
    },
    basis: '签发管理办法》第三条',
    old: 'oldPassport',
  },
  {
    id: 'hk-macau-permit',
    answers: { kind: 'first', urgent: 'no', pickup: 'window' },
    basis: '往来港澳通行证服务指南',
    old: null,
  },
] as const;

const minor = {
  ...adult,
  name: '欧阳小龙',
  birthDate: '2011-05-01',
  idNumber: '110105201105010015',
};
const guardian = {
  guardianName: '欧阳大龙',
  guardianIdNumber: '11010519491231002X',
  guardianRelation: 'father',
};

describe.each(ITEMS)('a child applying for $id', ({ id, answers, basis, old }) => {
  const run = evaluator(loadRule(id));
  const base = { ...answers, mobile: '13800138000' };
  const brought = (extra: Record<string, 'bring'>) =>
    Object.fromEntries(
      [...(old === null ? [] : [old]), ...Object.keys(extra)].map((m) => [m, 'bring' as const]),
    );

  it('stops a child who came alone at the first question, saying why and how to stop', () => {
    const alone = run({ ...base, companion: 'alone' }, { card: minor });
    expect(questionIds(alone)[0]).toBe('companion');
    const error = alone.fieldErrors.find((e) => e.questionId === 'companion');
    // The article is beside the refusal, in its own field (shown under it and printed by explain).
    expect(error?.basis?.['zh-CN']).toContain(basis);
    expect(error?.message?.['zh-CN']).toContain('返回首页');
    expect(alone.complete).toBe(false);
    // An adult is never asked.
    expect(questionIds(run(base))).not.toContain('companion');
  });

  it('asks a child with a guardian only a child’s questions: no 登记备案 question', () => {
    const result = run({ ...base, companion: 'guardian', ...guardian }, { card: minor });
    expect(result.fieldErrors).toEqual([]);
    expect(questionIds(result)).not.toContain('registeredPersonnel');
    expect(ids(result.missing)).toEqual(
      expect.arrayContaining(['guardianIdCard', 'guardianRelationProof']),
    );
  });

  it('lets the guardian send someone else: the letter, the guardian’s copy and the companion’s card, all at once', () => {
    const sent = {
      ...base,
      companion: 'entrusted',
      ...guardian,
      companionName: '李阿姨',
      companionIdNumber: '11010519700101002X',
    };
    const result = run(sent, { card: minor, materials: brought({ householdRegister: 'bring' }) });
    expect(result.fieldErrors).toEqual([]);
    expect(ids(result.missing)).toEqual([
      'guardianIdCopy',
      'guardianAuthorisation',
      'companionIdCard',
    ]);
    const child = run({ ...sent, companionIdNumber: '110105201001010010' }, { card: minor });
    expect(child.fieldErrors.map((e) => e.message?.['zh-CN'])).toEqual(['陪同人须年满18周岁。']);
  });

  it('takes a child without an identity card by the household register, typed in', () => {
    const typed = {
      ...base,
      applicantName: '欧阳小龙',
      applicantIdNumber: '110105201105010015',
      companion: 'guardian',
      ...guardian,
    };
    const result = run(typed, { card: null, manualEntry: true });
    expect(result.identityProblem).toBeNull();
    expect(result.fieldErrors).toEqual([]);
    expect(result.applicant?.name).toBe('欧阳小龙');
    expect(ids(result.missing)).toContain('identityWithoutCard');
    expect(ids(result.missing)).not.toContain('idCard');
    // From 16 the card is the way in.
    const grown = run(
      { ...typed, applicantIdNumber: '110105198806150032', registeredPersonnel: 'no' },
      { card: null, manualEntry: true },
    );
    expect(grown.fieldErrors.map((e) => e.questionId)).toEqual(['applicantIdNumber']);
  });
});
