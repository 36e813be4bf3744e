import { describe, expect, it } from 'vitest';
import { suggestedAnswer } from '../../../rules/engine/evaluate';
import { timeLimitRange } from '../../../rules/engine/time-limit';
import { passportPinyin } from '../../../rules/engine/pinyin-name';
import { adult, evaluator, ids, loadRule, questionIds } from './load-rule';

const rule = loadRule('passport-first');
const run = evaluator(rule);
const complete = {
  mobile: '13800138000',
  surnamePinyin: 'WANG',
  givenNamePinyin: 'XIAOMING',
  registeredPersonnel: 'no',
  urgent: 'no',
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
      ['urgent', 'required'],
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
        companion: 'guardian',
        guardianName: '欧阳大龙',
        guardianIdNumber: '11010519491231002X',
        guardianRelation: 'father',
      },
      { card: minor, materials: { guardianIdCard: 'bring', householdRegister: 'bring' } },
    );
    expect(answered.fieldErrors).toEqual([]);
    expect(answered.missing).toEqual([]);
    const none = run(
      { ...complete, companion: 'guardian', guardianRelation: 'other' },
      { card: minor },
    );
    expect(ids(none.missing)).toEqual([
      'guardianIdCard',
      'guardianshipProof',
      'guardianRelationProof',
    ]);
  });

  it('stops a child who came alone at that question, saying why (its article) and how to stop', () => {
    const minor = { ...adult, name: '欧阳小龙', birthDate: '2011-05-01' };
    const alone = run({ ...complete, companion: 'alone' }, { card: minor });
    expect(alone.complete).toBe(false);
    const error = alone.fieldErrors.find((e) => e.questionId === 'companion');
    expect(JSON.stringify(error)).toContain('签发管理办法》第三条');
    expect(JSON.stringify(error)).toContain('返回首页');
    // An adult is never asked: the question and its check are a child's only.
    expect(run({ ...complete }, {}).fieldErrors.map((e) => e.questionId)).not.toContain(
      'companion',
    );
  });

  it('lets a guardian send someone else with the child: authorisation, the guardian’s copy, the companion’s card', () => {
    const minor = {
      ...adult,
      name: '欧阳小龙',
      birthDate: '2011-05-01',
      idNumber: '110105201105010015',
    };
    const answers = {
      ...complete,
      companion: 'entrusted',
      guardianName: '欧阳大龙',
      guardianIdNumber: '11010519491231002X',
      guardianRelation: 'father',
      companionName: '李阿姨',
      companionIdNumber: '11010519700101002X',
    };
    const result = run(answers, { card: minor, materials: { householdRegister: 'bring' } });
    expect(result.fieldErrors).toEqual([]);
    expect(questionIds(result)).toEqual(
      expect.arrayContaining(['companionName', 'companionIdNumber']),
    );
    // Every missing paper at once; the guardian's original card is not asked of someone who is not here.
    expect(ids(result.missing)).toEqual([
      'guardianIdCopy',
      'guardianAuthorisation',
      'companionIdCard',
    ]);
    const sameAsGuardian = run(
      { ...answers, companionIdNumber: answers.guardianIdNumber },
      { card: minor },
    );
    expect(sameAsGuardian.fieldErrors.map((e) => e.message?.['zh-CN'])).toEqual([
      '这是监护人的号码。监护人本人陪同的，请在上一题选“监护人本人”。',
    ]);
    const child = run({ ...answers, companionIdNumber: '110105201001010010' }, { card: minor });
    expect(child.fieldErrors.map((e) => e.message?.['zh-CN'])).toEqual(['陪同人须年满18周岁。']);
    expect(questionIds(run({ ...answers, companion: 'guardian' }, { card: minor }))).not.toContain(
      'companionName',
    );
  });

  it('takes a child without an ID card by the household register, typed in', () => {
    const typed = {
      ...complete,
      applicantName: '欧阳小龙',
      applicantIdNumber: '110105201105010015',
      hukouPlace: 'local',
      companion: 'guardian',
      guardianName: '欧阳大龙',
      guardianIdNumber: '11010519491231002X',
      guardianRelation: 'father',
    };
    const result = run(typed, { card: null, manualEntry: true });
    expect(result.identityProblem).toBeNull();
    expect(result.fieldErrors).toEqual([]);
    expect(result.applicant?.name).toBe('欧阳小龙');
    // The reader read nothing, so the card is not a material; the household register is, once.
    expect(ids(result.missing)).toEqual(['guardianIdCard', 'identityWithoutCard']);
    const brought = run(typed, {
      card: null,
      manualEntry: true,
      materials: { guardianIdCard: 'bring', householdRegister: 'bring' },
    });
    expect(brought.missing).toEqual([]);
    expect(brought.complete).toBe(true);
    // From 16 the card (or a temporary one) is the way in.
    const grown = run(
      { ...typed, applicantIdNumber: '110105198806150032' },
      { card: null, manualEntry: true },
    );
    expect(grown.fieldErrors.map((e) => e.questionId)).toEqual(['applicantIdNumber']);
    expect(grown.complete).toBe(false);
    // A card on the reader: nothing to type.
    expect(questionIds(run(complete))).not.toContain('applicantName');
  });

  it('asks for proof of an urgent reason and says on the slip what expedited handling means', () => {
    expect(run(complete).outcomes.map((o) => o.id)).toEqual(['validity']);
    for (const reason of ['family', 'study', 'visa', 'business', 'other']) {
      const result = run({ ...complete, urgent: reason });
      expect(ids(result.missing)).toEqual(['urgentProof']);
      expect(result.outcomes.slice(1).map((o) => o.text['zh-CN'])).toEqual([
        '您申请了加急办理。经出入境管理部门审核批准的，自受理之日起5个工作日内审批签发并制作护照；未获批准的，按普通时限办理。',
      ]);
      // Approval is the office's: the promise on the slip stays the normal limit.
      expect(result.timeLimit).toEqual({ days: 7, unit: 'working' });
      expect(result.fee.total).toBe(120);
    }
  });

  it('says how long the passport is valid: 5 years under 16, 10 years from 16 (护照法 第七条)', () => {
    expect(run(complete).outcomes[0]?.text['zh-CN']).toBe('10年（十六周岁以上，《护照法》第七条）');
  });

  it('gives a household registered in another province 20 days (跨省异地), from the card or asked', () => {
    const beijing = run(complete);
    expect(beijing.timeLimit).toEqual({ days: 7, unit: 'working' });
    expect(questionIds(beijing)).not.toContain('hukouPlace');
    const liaoning = run(complete, {
      card: { ...adult, address: '辽宁省沈阳市和平区示例街7号' },
    });
    expect(liaoning.timeLimit).toEqual({ days: 20, unit: 'calendar' });
    // Calendar days run through holidays: 20 days after 2026-11-27.
    expect(liaoning.due).toEqual({ date: '2026-12-17', certain: true });
    expect(liaoning.outcomes.map((o) => o.id)).toEqual(['validity', 'crossProvince']);
    // The same card at a kiosk in Liaoning is a local application.
    expect(
      run(complete, {
        card: { ...adult, address: '辽宁省沈阳市和平区示例街7号' },
        stationCode: '210102001',
      }).timeLimit,
    ).toEqual({ days: 7, unit: 'working' });
    // An address that names no province, or a typed-in child, is asked.
    const unknown = { ...adult, address: '示例路88号' };
    expect(questionIds(run(complete, { card: unknown }))).toContain('hukouPlace');
    expect(run(complete, { card: unknown }).fieldErrors.map((e) => e.questionId)).toEqual([
      'hukouPlace',
    ]);
    expect(run({ ...complete, hukouPlace: 'other' }, { card: unknown }).timeLimit).toEqual({
      days: 20,
      unit: 'calendar',
    });
    expect(run({ ...complete, hukouPlace: 'local' }, { card: unknown }).timeLimit).toEqual({
      days: 7,
      unit: 'working',
    });
    // A station code that names no province cannot tell: nothing is asked, the usual limit holds.
    const nowhere = run(complete, { card: unknown, stationCode: '990000001' });
    expect(questionIds(nowhere)).not.toContain('hukouPlace');
    expect(nowhere.timeLimit).toEqual({ days: 7, unit: 'working' });
  });

  it('keeps the home tile at 7个工作日: a limit in calendar days is not mixed into the working-day range', () => {
    expect(timeLimitRange(rule)).toEqual({ min: 7, max: 7 });
    expect(timeLimitRange(loadRule('hukou-move-in'))).toEqual({ min: 0, max: 20 });
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
