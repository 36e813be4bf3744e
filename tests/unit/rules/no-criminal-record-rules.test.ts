import { describe, expect, it } from 'vitest';
import { evaluator, ids, loadRule, questionIds } from './load-rule';

const run = evaluator(loadRule('no-criminal-record'));

describe('无犯罪记录证明 (no-criminal-record)', () => {
  it('is free, takes 3 working days, and needs only the card for oneself', () => {
    const result = run({ applyingFor: 'self', purpose: 'employment', mobile: '13800138000' });
    expect(result.complete).toBe(true);
    expect(result.fee.total).toBe(0);
    expect(result.timeLimit).toEqual({ days: 3, unit: 'working' });
    expect(result.missing).toEqual([]);
  });

  it("asks an agent for the principal's name and ID number and needs the power of attorney and an ID copy", () => {
    const result = run({ applyingFor: 'other', purpose: 'abroad', mobile: '13800138000' });
    expect(questionIds(result)).toEqual(
      expect.arrayContaining(['principalName', 'principalIdNumber']),
    );
    expect(result.fieldErrors.map((e) => e.questionId)).toEqual([
      'principalName',
      'principalIdNumber',
    ]);
    expect(ids(result.missing)).toEqual(['powerOfAttorney', 'principalIdCopy']);
  });

  it('asks what "other" purpose means', () => {
    expect(
      run({ applyingFor: 'self', purpose: 'other', mobile: '13800138000' }).fieldErrors,
    ).toEqual([{ questionId: 'purposeDetail', code: 'required', params: {} }]);
  });
});
