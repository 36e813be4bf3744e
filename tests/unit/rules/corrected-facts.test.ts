import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule } from './load-rule';

/**
 * Facts corrected after the fidelity review (issue 27), each against its
 * source; the same class of error looked for in the files it applies to.
 */
describe('普通护照换发补发 (passport-renewal)', () => {
  const run = evaluator(loadRule('passport-renewal'));
  const expired = { reason: 'expiring', oldPassportNumber: 'G12345678' };
  const fieldCodes = (answers: Record<string, string>) =>
    run(answers)
      .fieldErrors.filter((e) => e.questionId === 'oldPassportNumber')
      .map((e) => e.code);

  it('takes the old G + 8 digits passports (issued before 2012) as well as the E ones', () => {
    expect(fieldCodes(expired)).toEqual([]);
    expect(fieldCodes({ ...expired, oldPassportNumber: 'E12345678' })).toEqual([]);
    expect(fieldCodes({ ...expired, oldPassportNumber: 'EA1234567' })).toEqual([]);
    expect(fieldCodes({ ...expired, oldPassportNumber: 'G1234567X' })).toEqual(['pattern']);
    expect(fieldCodes({ ...expired, oldPassportNumber: 'D12345678' })).toEqual(['pattern']);
  });

  it('gives a household registered in another province 20 days (跨省异地), as the first passport does', () => {
    expect(run(expired).timeLimit).toEqual({ days: 7, unit: 'working' });
    const liaoning = { ...adult, address: '辽宁省沈阳市和平区示例街7号' };
    expect(run(expired, { card: liaoning }).timeLimit).toEqual({ days: 20, unit: 'calendar' });
  });
});

describe.each<{
  id: string;
  answers: Record<string, string>;
  reasons: readonly string[];
  expedited: string;
}>([
  {
    id: 'passport-renewal',
    answers: { reason: 'expiring', oldPassportNumber: 'E12345678', registeredPersonnel: 'no' },
    reasons: ['family', 'study', 'visa', 'business', 'other'],
    expedited:
      '您申请了加急办理。经出入境管理部门审核批准的，自受理之日起5个工作日内审批签发并制作护照；未获批准的，按普通时限办理。',
  },
  {
    id: 'hk-macau-permit',
    answers: { kind: 'first', registeredPersonnel: 'no' },
    // No visa to Hong Kong or Macao: the passport's 签证即将到期 is not offered.
    reasons: ['family', 'study', 'business', 'other'],
    expedited:
      '您申请了加急办理。经出入境管理部门审核批准的，按加急办理；未获批准的，按普通时限办理。',
  },
])('加急 in $id, as 普通护照首次申请 has it', ({ id, answers, reasons, expedited }) => {
  const run = evaluator(loadRule(id));
  const complete = { ...answers, pickup: 'window', mobile: '13800138000' };
  const brought: Record<string, 'bring'> =
    id === 'passport-renewal' ? { oldPassport: 'bring' } : {};

  it('asks whether it is urgent, and an urgent reason asks for its proof and says what approval means', () => {
    const unanswered = run(complete, { materials: brought });
    expect(unanswered.fieldErrors.map((e) => [e.questionId, e.code])).toEqual([
      ['urgent', 'required'],
    ]);
    const plain = run({ ...complete, urgent: 'no' }, { materials: brought });
    expect(plain.complete).toBe(true);
    expect(plain.outcomes.map((o) => o.id)).not.toContain('expedited');
    for (const reason of reasons) {
      const urgent = run({ ...complete, urgent: reason }, { materials: brought });
      expect(ids(urgent.missing)).toEqual(['urgentProof']);
      expect(urgent.outcomes.find((o) => o.id === 'expedited')?.text['zh-CN']).toBe(expedited);
      // Approval is the office's: the promise on the slip stays the normal limit.
      expect(urgent.timeLimit).toEqual({ days: 7, unit: 'working' });
    }
    expect(run({ ...complete, urgent: 'visa' }).fieldErrors.length).toBe(
      reasons.includes('visa') ? 0 : 1,
    );
  });
});

describe('往来港澳通行证 (hk-macau-permit)', () => {
  const run = evaluator(loadRule('hk-macau-permit'));
  it('gives a household registered in another province 20 days (跨省异地, 全国通办), as the passports do', () => {
    const answers = { kind: 'first', urgent: 'no' };
    expect(run(answers).timeLimit).toEqual({ days: 7, unit: 'working' });
    expect(run(answers).outcomes.map((o) => o.id)).not.toContain('crossProvince');
    const liaoning = { ...adult, address: '辽宁省沈阳市和平区示例街7号' };
    const across = run(answers, { card: liaoning });
    expect(across.timeLimit).toEqual({ days: 20, unit: 'calendar' });
    expect(across.outcomes.find((o) => o.id === 'crossProvince')?.text['zh-CN']).toContain('20日');
  });
});

describe('居住证申领 (residence-permit)', () => {
  const run = evaluator(loadRule('residence-permit'));
  it('promises the statutory 15 days (居住证暂行条例 第九条), which a September application across the National Day week keeps', () => {
    const september = run({}, { today: '2026-09-28' });
    expect(september.timeLimit).toEqual({ days: 15, unit: 'calendar' });
    expect(september.due.date).toBe('2026-10-13');
  });
});

describe('普通护照首次申请 (passport-first)', () => {
  const run = evaluator(loadRule('passport-first'));
  it('says how long the passport is valid (护照法 第七条): 5 years under 16, 10 from 16', () => {
    const validity = (birthDate: string) =>
      run({}, { card: { ...adult, birthDate, idNumber: undefined } }).outcomes.find(
        (o) => o.id === 'validity',
      )?.text['zh-CN'];
    expect(validity('1988-06-15')).toContain('10年');
    expect(validity('2015-06-15')).toContain('5年');
  });
});

describe('姓名变更 (name-change)', () => {
  const run = evaluator(loadRule('name-change'));
  const seventeen = { ...adult, birthDate: '2009-06-15', idNumber: '110105200906150031' };
  const answers = {
    applyingFor: 'self',
    newName: '王小明',
    reason: 'sameName',
    reasonDetail: '与同班同学重名',
    mobile: '13800138000',
  };
  it('lets a 17-year-old apply for themselves (户口登记条例 第十八条: 本人), with both parents’ written consent', () => {
    const minor = run(answers, { card: seventeen });
    expect(minor.fieldErrors).toEqual([]);
    expect(minor.requirements.map((r) => r.id)).toContain('parentsConsent');
    // An adult applying for themselves needs no parents' consent.
    expect(run(answers).requirements.map((r) => r.id)).not.toContain('parentsConsent');
  });
});
