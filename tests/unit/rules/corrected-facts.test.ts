import { describe, expect, it } from 'vitest';
import { adult, evaluator, loadRule } from './load-rule';

/**
 * Facts corrected after the fidelity review (issue 27), each against its
 * source; the same class of error looked for in the files it applies to.
 */
describe('普通护照换发补发 (passport-renewal)', () => {
  const run = evaluator(loadRule('passport-renewal'));
  const expired = { reason: 'expired', oldPassportNumber: 'G12345678' };
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
