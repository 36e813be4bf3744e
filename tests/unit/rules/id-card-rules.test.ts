import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule, questionIds } from './load-rule';

const run = evaluator(loadRule('id-card-renewal'));
const base = {
  // Asked only when there is no card address to read the province from (a lost card, typed in).
  hukouPlace: 'local',
  feeWaiver: 'none',
  temporaryCard: 'no',
  pickup: 'inPerson',
  mobile: '13800138000',
};
const validity = (birthDate: string) =>
  run({ ...base, reason: 'damaged' }, { card: { ...adult, birthDate } }).outcomes[0]?.text['zh-CN'];

describe('居民身份证换领、补领 (id-card-renewal)', () => {
  it.each([
    ['expiring', 20],
    ['changed', 20],
    ['damaged', 40],
  ])('charges for renewal because %s: ￥%i', (reason, fee) => {
    const card = { ...adult, validTo: '2026-12-31' };
    expect(run({ ...base, reason }, { card }).fee.total).toBe(fee);
  });

  it.each([
    ['dibao', 'a minimum-income recipient'],
    ['hardship', 'a rural household in special hardship'],
  ])(
    'waives the renewal fee for %s (%s, 居民身份证法 第二十条) and asks for the certificate',
    (feeWaiver) => {
      const card = { ...adult, validTo: '2026-12-31' };
      const result = run({ ...base, reason: 'expiring', feeWaiver }, { card });
      expect(result.fee.total).toBe(0);
      expect(ids(result.missing)).toContain('waiverCertificate');
    },
  );

  it('does not offer the waiver for a damaged or lost card (补领 and 损坏换领 are not waived)', () => {
    const result = run({ ...base, reason: 'damaged' });
    expect(questionIds(result)).not.toContain('feeWaiver');
    expect(result.fee.total).toBe(40);
  });

  it('adds ￥10 for a temporary card', () => {
    expect(run({ ...base, reason: 'damaged', temporaryCard: 'yes' }).fee.total).toBe(50);
  });

  it('sets the new card validity by age: <16 5 years, 16–25 10, 26–45 20, 46+ long-term', () => {
    expect(validity('2012-01-01')).toBe('5年');
    expect(validity('2010-11-27')).toBe('10年');
    expect(validity('2001-01-01')).toBe('10年');
    expect(validity('2000-11-27')).toBe('20年');
    expect(validity('1981-11-28')).toBe('20年');
    expect(validity('1980-11-27')).toBe('长期');
  });

  it('accepts an expired card (that is why the citizen came) but renews only within 3 months of expiry', () => {
    expect(
      run({ ...base, reason: 'expiring' }, { card: { ...adult, validTo: '2025-10-01' } })
        .identityProblem,
    ).toBeNull();
    const early = run(
      { ...base, reason: 'expiring' },
      { card: { ...adult, validTo: '2030-01-01' } },
    );
    expect(early.fieldErrors[0]?.code).toBe('check');
    expect(early.fieldErrors[0]?.message?.['zh-CN']).toContain('3个月');
    expect(
      run({ ...base, reason: 'expiring' }, { card: { ...adult, validTo: '2027-02-01' } })
        .fieldErrors,
    ).toEqual([]);
  });

  it('lets a citizen who lost the card type name and ID number, and charges the replacement fee', () => {
    const answers = {
      ...base,
      applicantName: '王晓明',
      applicantIdNumber: '110105198806150032',
      reason: 'lost',
    };
    const result = run(answers, { card: null, manualEntry: true });
    expect(questionIds(result).slice(0, 2)).toEqual(['applicantName', 'applicantIdNumber']);
    expect(result.identityProblem).toBeNull();
    expect(result.applicant).toMatchObject({
      name: '王晓明',
      sex: 'male',
      birthDate: '1988-06-15',
    });
    expect(result.fee.total).toBe(40);
    expect(ids(result.missing)).toEqual(['householdRegisterNeeded']);
    expect(
      result.questions.find((q) => q.question.id === 'reason')!.options.map((o) => o.value),
    ).toEqual(['damaged', 'lost']);
  });

  it('takes a damaged card the reader cannot read as damaged (the card at the window), not as lost', () => {
    const result = run(
      {
        ...base,
        applicantName: '王晓明',
        applicantIdNumber: '110105198806150032',
        reason: 'damaged',
      },
      { card: null, manualEntry: true },
    );
    expect(result.fieldErrors).toEqual([]);
    expect(result.fee.total).toBe(40);
    expect(ids(result.missing)).toEqual(['damagedCard']);
  });

  it('takes a household registered in another province (异地受理): 60 days, and a residence permit will do for a lost card', () => {
    const hebei = { ...adult, address: '河北省石家庄市长安区示例路20号', validTo: '2026-12-31' };
    const renewal = run({ ...base, reason: 'expiring' }, { card: hebei });
    expect(questionIds(renewal)).not.toContain('hukouPlace');
    expect(renewal.timeLimit).toEqual({ days: 60, unit: 'calendar' });
    expect(renewal.fee.total).toBe(20); // no extra charge
    expect(renewal.outcomes.map((o) => o.id)).toEqual(['validity', 'crossProvince']);
    // The same card in Hebei, and a Beijing card here: the station's own 20 working days.
    expect(
      run({ ...base, reason: 'expiring' }, { card: hebei, stationCode: '130102001' }).timeLimit,
    ).toEqual({ days: 20, unit: 'working' });
    expect(run({ ...base, reason: 'damaged' }).timeLimit).toEqual({ days: 20, unit: 'working' });

    const lost = {
      ...base,
      applicantName: '王晓明',
      applicantIdNumber: '110105198806150032',
      reason: 'lost',
    };
    const typed = { card: null, manualEntry: true };
    expect(questionIds(run(lost, typed))).toContain('hukouPlace');
    const away = run({ ...lost, hukouPlace: 'other' }, typed);
    expect(ids(away.missing)).toEqual(['lostCardAway']);
    expect(away.missing[0]?.hint?.['zh-CN']).toBe('居民户口簿或居住证，任选一种');
    expect(
      run({ ...lost, hukouPlace: 'other' }, { ...typed, materials: { residencePermit: 'bring' } })
        .missing,
    ).toEqual([]);
    // At home a residence permit is no substitute: the household register it is.
    expect(ids(run(lost, { ...typed, materials: { residencePermit: 'bring' } }).missing)).toEqual([
      'householdRegisterNeeded',
    ]);
    expect(run(lost, typed).timeLimit).toEqual({ days: 20, unit: 'working' });
  });

  it('never offers "expiring" for a 长期 card, which does not expire', () => {
    const longTerm = { card: { ...adult, validTo: '长期' as const } };
    const offered = run({ ...base, reason: 'damaged' }, longTerm)
      .questions.find((q) => q.question.id === 'reason')!
      .options.map((o) => o.value);
    expect(offered).toEqual(['damaged', 'changed']);
    expect(run({ ...base, reason: 'expiring' }, longTerm).fieldErrors).toEqual([
      { questionId: 'reason', code: 'choice_invalid', params: {} },
    ]);
  });

  it('does not offer "lost" to someone holding the card', () => {
    const result = run({ ...base, reason: 'lost' });
    expect(result.fieldErrors).toEqual([
      { questionId: 'reason', code: 'choice_invalid', params: {} },
    ]);
  });

  it('checks a typed ID number digit by digit', () => {
    const result = run(
      { ...base, applicantName: '王晓明', applicantIdNumber: '110105198806150033', reason: 'lost' },
      { card: null, manualEntry: true },
    );
    expect(result.fieldErrors).toEqual([
      { questionId: 'applicantIdNumber', code: 'id_check_digit', params: {} },
    ]);
  });

  it('refuses a name with Latin letters but keeps minority names with a middle dot', () => {
    const typed = (name: string) =>
      run(
        { ...base, applicantName: name, applicantIdNumber: '110105198806150032', reason: 'lost' },
        { card: null, manualEntry: true },
      ).fieldErrors;
    expect(typed('Wang晓明')).toEqual([
      { questionId: 'applicantName', code: 'name_format', params: {} },
    ]);
    expect(typed('买买提•艾力')).toEqual([]);
    expect(typed('𠮷田')).toEqual([]);
  });
});
