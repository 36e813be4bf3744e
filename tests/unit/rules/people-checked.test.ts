import { describe, expect, it } from 'vitest';
import type { Applicant } from '../../../rules/engine/applicant';
import { idCheckChar } from '../../../rules/engine/id-number';
import type { Evaluation } from '../../../rules/engine/evaluate';
import { adult, evaluator, loadRule } from './load-rule';

/** A valid ID number for a birth date (region 110105, order 003 → male, 002 → female). */
const idFor = (birth: string, order = '003'): string => {
  const first17 = `110105${birth.replaceAll('-', '')}${order}`;
  return `${first17}${idCheckChar(first17) ?? ''}`;
};

const minor: Applicant = {
  kind: 'resident',
  name: '欧阳小龙',
  sex: 'male',
  birthDate: '2011-03-01',
  idNumber: idFor('2011-03-01'),
  address: '北京市朝阳区示例路88号3单元201室',
  validTo: '2031-03-01',
};
const woman: Applicant = {
  ...adult,
  name: '单雪梅',
  sex: 'female',
  idNumber: idFor('1996-04-12', '002'),
  birthDate: '1996-04-12',
};

/** The rule file's own message for a question, in Chinese, or null when the answer passed. */
const said = (result: Evaluation, questionId: string): string | null => {
  const error = result.fieldErrors.find((e) => e.questionId === questionId);
  if (error === undefined) return null;
  return error.message?.['zh-CN'] ?? error.code;
};

describe('people checked against each other', () => {
  describe('无犯罪记录证明 for someone else', () => {
    const run = evaluator(loadRule('no-criminal-record'));
    const asAgent = { applyingFor: 'other', purpose: 'abroad', mobile: '13800138000' };

    it('refuses a 15-year-old as an agent', () => {
      const result = run(
        { ...asAgent, principalName: '李小红', principalIdNumber: idFor('1970-05-05', '002') },
        { card: minor },
      );
      expect(said(result, 'applyingFor')).toContain('代办人须年满18周岁');
      expect(result.complete).toBe(false);
      // For himself he may apply.
      expect(
        said(run({ ...asAgent, applyingFor: 'self' }, { card: minor }), 'applyingFor'),
      ).toBeNull();
    });

    it('refuses the agent’s own ID number as the principal’s', () => {
      const result = run({
        ...asAgent,
        principalName: '王晓明',
        principalIdNumber: adult.idNumber ?? '',
      });
      expect(said(result, 'principalIdNumber')).toContain('这是您本人的身份号码');
    });

    it('names the principal and the agent apart when the agent is an adult applying for another person', () => {
      const result = run({
        ...asAgent,
        principalName: '李小红',
        principalIdNumber: idFor('1970-05-05', '002'),
      });
      expect(result.fieldErrors).toEqual([]);
      expect(result.principal).toEqual({ name: '李小红', idNumber: idFor('1970-05-05', '002') });
      expect(result.applicant?.name).toBe('王晓明');
      expect(run({ ...asAgent, applyingFor: 'self' }).principal).toBeNull();
    });
  });

  describe('普通护照 for a child with a guardian', () => {
    const run = evaluator(loadRule('passport-first'));
    const guardian = (idNumber: string) => ({
      guardianName: '欧阳大海',
      guardianIdNumber: idNumber,
    });

    it('refuses the child’s own ID number as the guardian’s', () => {
      const result = run(guardian(minor.idNumber ?? ''), { card: minor });
      expect(said(result, 'guardianIdNumber')).toContain('这是申请人本人的身份号码');
    });

    it('refuses a guardian under 18, counted from the ID number on the kiosk’s day', () => {
      // 18 on 2026-11-28: one day short on 2026-11-27, an adult the day after.
      const almost = idFor('2008-11-28');
      expect(said(run(guardian(almost), { card: minor }), 'guardianIdNumber')).toContain(
        '监护人须年满18周岁',
      );
      expect(
        said(run(guardian(almost), { card: minor, today: '2026-11-28' }), 'guardianIdNumber'),
      ).toBeNull();
    });

    it('accepts an adult guardian', () => {
      expect(
        said(run(guardian(idFor('1980-01-01')), { card: minor }), 'guardianIdNumber'),
      ).toBeNull();
    });
  });

  describe('户口迁移 into someone else’s household', () => {
    const run = evaluator(loadRule('hukou-move-in'));
    const into = (relationToHead: string) => ({
      intoOthersHousehold: 'yes',
      householdHeadName: '张建国',
      relationToHead,
    });

    it('refuses 本人 as the relation: the head of another household is someone else', () => {
      expect(said(run(into('本人')), 'relationToHead')).toContain('户主是另一个人');
    });

    it('refuses a relation that contradicts the sex on the card', () => {
      expect(said(run(into('妻')), 'relationToHead')).toContain('与身份证上的性别不一致');
      expect(said(run(into('妻'), { card: woman }), 'relationToHead')).toBeNull();
      expect(said(run(into('子')), 'relationToHead')).toBeNull();
    });
  });
});

describe('dates a window checks against the card and against each other', () => {
  it('refuses a child born before the parent who registers the birth', () => {
    const run = evaluator(loadRule('birth-registration'));
    expect(said(run({ childBirthDate: '1988-06-14' }), 'childBirthDate')).toContain(
      '早于您本人的出生日期',
    );
    expect(said(run({ childBirthDate: '2026-11-01' }), 'childBirthDate')).toBeNull();
  });

  it('refuses a death before the birth in the deceased’s ID number', () => {
    const run = evaluator(loadRule('death-registration'));
    const deceasedIdNumber = idFor('1940-05-02');
    expect(said(run({ deceasedIdNumber, dateOfDeath: '1939-12-31' }), 'dateOfDeath')).toContain(
      '早于逝者身份号码上的出生日期',
    );
    expect(said(run({ deceasedIdNumber, dateOfDeath: '2026-11-20' }), 'dateOfDeath')).toBeNull();
    // Without the number there is nothing to compare with: the date alone passes.
    expect(said(run({ dateOfDeath: '1939-12-31' }), 'dateOfDeath')).toBeNull();
  });

  it('refuses a passport lost before its holder was born, and a stay begun before birth', () => {
    expect(
      said(
        evaluator(loadRule('passport-renewal'))({ reason: 'lost', lostWhen: '1980-01-01' }),
        'lostWhen',
      ),
    ).toContain('早于您的出生日期');
    expect(
      said(evaluator(loadRule('residence-permit'))({ livedSince: '1980-01-01' }), 'livedSince'),
    ).toContain('早于您的出生日期');
  });

  it('refuses a new name that is the child’s present name', () => {
    const run = evaluator(loadRule('name-change'));
    expect(
      said(run({ applyingFor: 'child', childName: '欧阳小龙', newName: '欧阳小龙' }), 'newName'),
    ).toContain('相同');
    expect(
      said(run({ applyingFor: 'child', childName: '欧阳小龙', newName: '欧阳晓龙' }), 'newName'),
    ).toBeNull();
  });

  it('refuses a year no document carries (1026 for 2026), in every date question', () => {
    const run = evaluator(loadRule('death-registration'));
    const error = run({ dateOfDeath: '1026-11-20' }).fieldErrors.find(
      (e) => e.questionId === 'dateOfDeath',
    );
    expect(error).toMatchObject({ code: 'date_year_unlikely', params: { year: 1026 } });
    const renewal = evaluator(loadRule('driving-licence-renewal'));
    expect(
      renewal({ licenceValidTo: '2926-11-20' }).fieldErrors.find(
        (e) => e.questionId === 'licenceValidTo',
      )?.code,
    ).toBe('date_year_unlikely');
  });
});
