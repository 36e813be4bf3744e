import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../../rules/data/holidays';
import { evaluate, suggestedAnswer, type ApplicantFacts } from '../../../rules/engine/evaluate';
import { serviceRuleSchema } from '../../../rules/engine/schema';

const rule = serviceRuleSchema.parse(
  JSON.parse(
    readFileSync(
      join(__dirname, '..', '..', '..', 'rules', 'services', 'passport-first.json'),
      'utf8',
    ),
  ),
);
const adult: ApplicantFacts = {
  kind: 'resident',
  name: '王晓明',
  sex: 'male',
  birthDate: '1988-06-15',
  address: '北京市朝阳区示例路88号',
  validTo: '2038-03-01',
};
const TODAY = '2026-11-27';
const complete = {
  mobile: '13800138000',
  surnamePinyin: 'WANG',
  givenNamePinyin: 'XIAOMING',
  registeredPersonnel: 'no',
  pickup: 'inPerson',
};
const run = (answers: Record<string, string>, applicant: ApplicantFacts | null = adult) =>
  evaluate({ rule, answers, applicant, today: TODAY, calendar: holidayCalendar });

describe('passport-first rule file', () => {
  it('passes the schema and costs ￥120 with a 7-working-day limit', () => {
    const result = run(complete);
    expect(result.complete).toBe(true);
    expect(result.fee.amount).toBe(120);
    expect(result.due).toEqual({ date: '2026-12-08', calendarComplete: true });
  });

  it('asks for a postal address only when the passport is to be posted', () => {
    expect(run(complete).questions.map((q) => q.question.id)).not.toContain('postAddress');
    const posted = run({ ...complete, pickup: 'post' });
    expect(posted.questions.map((q) => q.question.id)).toContain('postAddress');
    expect(posted.fieldErrors).toEqual([
      { questionId: 'postAddress', code: 'required', params: {} },
    ]);
  });

  it('drops the answer to a question that became hidden', () => {
    const result = run({ ...complete, postAddress: '某地' });
    expect(result.answers['postAddress']).toBeUndefined();
  });

  it('lists every problem at once, not only the first', () => {
    const result = run({ mobile: '2380013800', surnamePinyin: 'wang1', pickup: 'drone' });
    expect(result.fieldErrors.map((e) => [e.questionId, e.code])).toEqual([
      ['mobile', 'mobile_format'],
      ['surnamePinyin', 'pinyin_format'],
      ['givenNamePinyin', 'required'],
      ['registeredPersonnel', 'required'],
      ['pickup', 'choice_invalid'],
    ]);
  });

  it("requires the employer's opinion for registered state personnel", () => {
    const names = (answers: Record<string, string>) => run(answers).materials.map((m) => m.id);
    expect(names(complete)).toEqual(['idCard', 'photo']);
    expect(names({ ...complete, registeredPersonnel: 'yes' })).toContain('employerOpinion');
  });

  it("requires the guardian's ID and proof of relation for applicants under 16", () => {
    const minor: ApplicantFacts = { ...adult, birthDate: '2011-05-01' };
    expect(run(complete, minor).materials.map((m) => m.id)).toEqual([
      'idCard',
      'photo',
      'guardianIdCard',
      'guardianRelation',
    ]);
    const sixteenToday: ApplicantFacts = { ...adult, birthDate: '2010-11-27' };
    expect(run(complete, sixteenToday).materials.map((m) => m.id)).toEqual(['idCard', 'photo']);
  });

  it('needs a valid resident ID card', () => {
    expect(run(complete, null).identityProblem).toBe('missing');
    expect(run(complete, { ...adult, validTo: '2025-10-01' }).identityProblem).toBe('expired');
    expect(run(complete, { ...adult, validTo: '长期' }).identityProblem).toBeNull();
    expect(run(complete, { ...adult, kind: 'hmt' }).identityProblem).toBe('not_accepted');
  });

  it('suggests passport pinyin and the card address', () => {
    const [, surname, given, , , address] = rule.questions;
    expect(suggestedAnswer(surname!, { ...adult, name: '单雪梅' })).toBe('SHAN');
    expect(suggestedAnswer(given!, { ...adult, name: '单雪梅' })).toBe('XUEMEI');
    expect(suggestedAnswer(address!, adult)).toBe('北京市朝阳区示例路88号');
    expect(suggestedAnswer(surname!, null)).toBe('');
  });

  it('normalizes pinyin typed in lower case with spaces', () => {
    expect(run({ ...complete, givenNamePinyin: 'xiao ming' }).answers['givenNamePinyin']).toBe(
      'XIAOMING',
    );
  });
});
