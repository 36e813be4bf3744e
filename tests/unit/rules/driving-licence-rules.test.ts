import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule } from './load-rule';

const run = evaluator(loadRule('driving-licence-renewal'));
const base = {
  licenceClass: 'C1',
  medicalCertificate: 'electronic',
  pickup: 'inPerson',
  mobile: '13800138000',
};

describe('机动车驾驶证期满换证 (driving-licence-renewal)', () => {
  it('renews within 90 days before expiry, the same day, for ￥10', () => {
    const result = run({ ...base, licenceValidTo: '2027-02-20' });
    expect(result.complete).toBe(true);
    expect(result.fee.total).toBe(10);
    expect(result.timeLimit).toEqual({ days: 0, unit: 'working' });
    expect(result.due.date).toBe('2026-11-27');
  });

  it('accepts the 90th day and the expiry day itself', () => {
    expect(run({ ...base, licenceValidTo: '2027-02-25' }).fieldErrors).toEqual([]);
    expect(run({ ...base, licenceValidTo: '2026-11-27' }).fieldErrors).toEqual([]);
  });

  it('says it is too early on the 91st day before expiry', () => {
    const [error] = run({ ...base, licenceValidTo: '2027-02-26' }).fieldErrors;
    expect(error?.code).toBe('check');
    expect(error?.message?.['zh-CN']).toContain('90天');
  });

  it('sends an expired licence to the window', () => {
    const [error] = run({ ...base, licenceValidTo: '2026-11-26' }).fieldErrors;
    expect(error?.message?.['zh-CN']).toContain('已过有效期');
  });

  it('needs the paper medical certificate only when it is not on file', () => {
    expect(ids(run({ ...base, licenceValidTo: '2027-01-01' }).missing)).toEqual(['drivingLicence']);
    expect(
      ids(run({ ...base, licenceValidTo: '2027-01-01', medicalCertificate: 'paper' }).missing),
    ).toEqual(['drivingLicence', 'medicalPaper']);
  });

  it('refuses a date that does not exist', () => {
    expect(run({ ...base, licenceValidTo: '2027-02-30' }).fieldErrors[0]?.code).toBe(
      'date_not_real',
    );
  });
  it('asks a driver of 70 or more for the three-abilities test (三力测试)', () => {
    const at = (birthDate: string) =>
      ids(
        run({ ...base, licenceValidTo: '2027-02-20' }, { card: { ...adult, birthDate } }).missing,
      );
    expect(at('1956-11-27')).toContain('threeAbilityTest');
    expect(at('1956-11-28')).not.toContain('threeAbilityTest');
  });

  it('renews an A or B licence as C1 from 63, and says so; a C1 licence is unchanged', () => {
    const outcome = (licenceClass: string, birthDate: string) =>
      run(
        { ...base, licenceClass, licenceValidTo: '2027-02-20' },
        { card: { ...adult, birthDate } },
      ).outcomes.find((o) => o.id === 'licenceClass')?.text['zh-CN'];
    expect(outcome('A', '1963-11-27')).toContain('降为 C1');
    expect(outcome('B', '1960-01-01')).toContain('降为 C1');
    expect(outcome('B', '1963-11-28')).toBeUndefined();
    expect(outcome('C1', '1950-01-01')).toBeUndefined();
  });
});
