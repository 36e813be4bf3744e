import { describe, expect, it } from 'vitest';
import { suggestedAnswer } from '../../../rules/engine/evaluate';
import { passportPinyin } from '../../../rules/engine/pinyin-name';
import { adult, evaluator, ids, loadRule, questionIds } from './load-rule';

const rule = loadRule('passport-first');
const run = evaluator(rule);
const complete = {
  mobile: '13800138000',
  surnamePinyin: 'WANG',
  givenNamePinyin: 'XIAOMING',
  registeredPersonnel: 'no',
  pickup: 'inPerson',
};

describe('普通护照首次申请 (passport-first)', () => {
  it('costs ￥120 with a 7-working-day limit and needs nothing but the card from an adult', () => {
    const result = run(complete);
    expect(result.complete).toBe(true);
    expect(result.fee).toEqual({
      total: 120,
      items: [{ label: { 'zh-CN': '护照工本费', en: 'Passport fee' }, amount: 120 }],
    });
    expect(result.due).toEqual({ date: '2026-12-08', certain: true });
    expect(result.missing).toEqual([]);
    expect(result.status).toBe('pending_review');
  });

  it('asks for a postal address only when the passport is to be posted', () => {
    expect(questionIds(run(complete))).not.toContain('postAddress');
    const posted = run({ ...complete, pickup: 'post' });
    expect(questionIds(posted)).toContain('postAddress');
    expect(posted.fieldErrors).toEqual([
      { questionId: 'postAddress', code: 'required', params: {} },
    ]);
  });

  it('drops the answer to a question that became hidden', () => {
    expect(run({ ...complete, postAddress: '某地某路1号' }).answers['postAddress']).toBeUndefined();
  });

  it('lists every field problem at once, not only the first', () => {
    const result = run({ mobile: '2380013800', surnamePinyin: 'wang1', pickup: 'drone' });
    expect(result.fieldErrors.map((e) => [e.questionId, e.code])).toEqual([
      ['mobile', 'mobile_format'],
      ['surnamePinyin', 'pinyin_format'],
      ['givenNamePinyin', 'required'],
      ['registeredPersonnel', 'required'],
      ['pickup', 'choice_invalid'],
    ]);
  });

  it("requires the employer's opinion for registered state personnel (登记备案人员)", () => {
    const result = run({ ...complete, registeredPersonnel: 'yes' });
    expect(ids(result.missing)).toEqual(['employerOpinion']);
    expect(result.status).toBe('pending_completion');
    expect(
      run({ ...complete, registeredPersonnel: 'yes' }, { materials: { employerOpinion: 'bring' } })
        .missing,
    ).toEqual([]);
  });

  it('asks a minor for the guardian and needs their card and a birth certificate or household register', () => {
    const minor = { ...adult, name: '欧阳小龙', birthDate: '2011-05-01' };
    const result = run(complete, { card: minor });
    expect(questionIds(result)).toEqual(
      expect.arrayContaining(['guardianName', 'guardianIdNumber', 'guardianRelation']),
    );
    const answered = run(
      {
        ...complete,
        guardianName: '欧阳大龙',
        guardianIdNumber: '11010519491231002X',
        guardianRelation: 'father',
      },
      { card: minor, materials: { guardianIdCard: 'bring', householdRegister: 'bring' } },
    );
    expect(answered.fieldErrors).toEqual([]);
    expect(answered.missing).toEqual([]);
    const none = run({ ...complete, guardianRelation: 'other' }, { card: minor });
    expect(ids(none.missing)).toEqual([
      'guardianIdCard',
      'guardianshipProof',
      'guardianRelationProof',
    ]);
  });

  it('treats the 16th birthday as adult', () => {
    expect(
      questionIds(run(complete, { card: { ...adult, birthDate: '2010-11-27' } })),
    ).not.toContain('guardianName');
  });

  it('needs a valid resident card', () => {
    expect(run(complete, { card: null }).identityProblem).toBe('missing');
    expect(run(complete, { card: { ...adult, validTo: '2025-10-01' } }).identityProblem).toBe(
      'expired',
    );
    expect(run(complete, { card: { ...adult, validTo: '长期' } }).identityProblem).toBeNull();
    expect(run(complete, { card: { ...adult, kind: 'hmt' } }).identityProblem).toBe('not_accepted');
  });

  it('suggests passport pinyin (单 → SHAN) and the card address', () => {
    const byId = (id: string) => rule.questions.find((q) => q.id === id)!;
    const shan = { ...adult, name: '单雪梅' };
    expect(suggestedAnswer(byId('surnamePinyin'), shan, passportPinyin)).toBe('SHAN');
    expect(suggestedAnswer(byId('givenNamePinyin'), shan, passportPinyin)).toBe('XUEMEI');
    expect(suggestedAnswer(byId('postAddress'), adult)).toBe(adult.address);
    expect(suggestedAnswer(byId('surnamePinyin'), null, passportPinyin)).toBe('');
  });

  it('normalizes pinyin typed in lower case with spaces', () => {
    expect(run({ ...complete, givenNamePinyin: 'xiao ming' }).answers['givenNamePinyin']).toBe(
      'XIAOMING',
    );
  });

  it('puts citizens of 70 and over, and those a guide marks, in the green channel', () => {
    expect(run(complete).greenChannel).toEqual([]);
    expect(run(complete, { card: { ...adult, birthDate: '1950-03-02' } }).greenChannel).toEqual([
      { 'zh-CN': '年满70周岁', en: 'Aged 70 or over' },
    ]);
    expect(run(complete, { guide: true }).greenChannel).toEqual([
      { 'zh-CN': '导办员标记', en: 'Marked by a hall guide' },
    ]);
    const disabled = run({ ...complete, specialNeed: 'disability' });
    expect(disabled.greenChannel[0]?.['zh-CN']).toBe('持残疾人证');
    expect(ids(disabled.missing)).toEqual(['disabilityCertificate']);
  });

  it('does not ask a citizen of 70 or over whether they need priority: they have it', () => {
    const asked = (birthDate: string) =>
      run(complete, { card: { ...adult, birthDate } }).questions.some(
        (q) => q.question.id === 'specialNeed',
      );
    expect(asked('1988-06-15')).toBe(true);
    expect(asked('1950-03-02')).toBe(false);
  });
});
