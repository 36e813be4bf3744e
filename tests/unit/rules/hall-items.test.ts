import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule, questionIds } from './load-rule';

/**
 * The eight items a station's hall is asked for that came after the first sixteen: each
 * with the facts its law sets (fee, time limit, who is stopped and on what article) and
 * the materials its answers call for.
 */
const basisOf = (e: ReturnType<ReturnType<typeof evaluator>>, questionId: string) =>
  e.fieldErrors.find((f) => f.questionId === questionId)?.basis?.['zh-CN'];

describe('暂住登记 (temporary-residence-registration)', () => {
  const run = evaluator(loadRule('temporary-residence-registration'));
  const base = {
    hukouElsewhere: 'yes',
    arrivedOn: '2026-10-01',
    stayAddress: '北京市朝阳区示例路8号2单元301室',
    housing: 'rented',
    purpose: 'work',
    mobile: '13800138000',
  };

  it('is free and done on the spot; the proof of address follows the housing', () => {
    const e = run(base);
    expect(e.fieldErrors).toEqual([]);
    expect(e.fee.total).toBe(0);
    expect(e.timeLimit).toEqual({ days: 0, unit: 'working' });
    expect(ids(e.missing)).toEqual(['leaseContract']);
    expect(ids(run({ ...base, housing: 'own' }).missing)).toEqual(['ownershipProof']);
    expect(ids(run({ ...base, housing: 'dormitory' }).missing)).toEqual(['accommodationProof']);
    expect(ids(run({ ...base, housing: 'relatives' }).missing)).toEqual(['hostProof']);
  });

  it('stops a citizen registered in this city, on 户口登记条例 第十五条', () => {
    const e = run({ ...base, hukouElsewhere: 'no' });
    expect(e.fieldErrors.map((f) => f.code)).toEqual(['check']);
    expect(basisOf(e, 'hukouElsewhere')).toContain('户口登记条例》第十五条');
  });
});

describe('户口登记项目变更 (hukou-item-change)', () => {
  const run = evaluator(loadRule('hukou-item-change'));
  const base = { item: 'education', newValue: '大学本科', mobile: '13800138000' };

  it('changes education, marriage, workplace on the spot, free, each with its proof', () => {
    const e = run(base);
    expect(e.fieldErrors).toEqual([]);
    expect(e.fee.total).toBe(0);
    expect(e.timeLimit).toEqual({ days: 0, unit: 'working' });
    expect(ids(e.missing)).toEqual(['householdRegister', 'diploma']);
    expect(ids(run({ ...base, item: 'marital' }).missing)).toContain('maritalProof');
    expect(ids(run({ ...base, item: 'occupation' }).missing)).toContain('employerProof');
    expect(ids(run({ ...base, item: 'height' }).missing)).toEqual(['householdRegister']);
  });

  it('sends a correction of the date of birth, ethnicity or sex to the window, on 第十七条', () => {
    for (const item of ['birthDate', 'ethnicity', 'sex']) {
      const e = run({ ...base, item });
      expect(e.fieldErrors.map((f) => f.questionId)).toEqual(['item']);
      expect(basisOf(e, 'item')).toContain('户口登记条例》第十七条');
    }
  });
});

describe('机动车行驶证、登记证书补领换领 (vehicle-document-replacement)', () => {
  const run = evaluator(loadRule('vehicle-document-replacement'));
  const base = {
    document: 'licence',
    reason: 'lost',
    plateNumber: 'A12345',
    applicant: 'owner',
    mobile: '13800138000',
  };

  it('charges ￥10 a document (发改价格〔2004〕2831号), ￥20 for both; one day at most, on the spot here', () => {
    expect(run(base).fee.total).toBe(10);
    expect(run({ ...base, document: 'both' }).fee.items.map((i) => i.label['zh-CN'])).toEqual([
      '行驶证工本费',
      '登记证书工本费',
    ]);
    expect(run({ ...base, document: 'both' }).fee.total).toBe(20);
    expect(loadRule('vehicle-document-replacement').guide.feeBasis?.['zh-CN']).toContain(
      '发改价格〔2004〕2831号',
    );
    expect(run(base).timeLimit).toEqual({ days: 0, unit: 'working' });
  });

  it('takes the plate after its province character, and asks an agent for the power of attorney', () => {
    expect(run({ ...base, plateNumber: 'AD12345' }).fieldErrors).toEqual([]);
    expect(run({ ...base, plateNumber: '12345A' }).fieldErrors.map((f) => f.code)).toEqual([
      'pattern',
    ]);
    expect(ids(run({ ...base, applicant: 'agent' }).missing)).toEqual([
      'powerOfAttorney',
      'ownerIdentity',
    ]);
    expect(ids(run({ ...base, reason: 'damaged' }).missing)).toEqual(['damagedDocument']);
  });
});

describe('驾驶人提交身体条件证明 (driving-licence-medical)', () => {
  const run = evaluator(loadRule('driving-licence-medical'));
  const base = { licenceClass: 'large', examinedOn: '2026-11-01', mobile: '13800138000' };
  const seventy = { ...adult, birthDate: '1955-03-02', idNumber: '110105195503020011' };

  it('is for large-vehicle and adapted-car drivers at any age, and for every driver from 70', () => {
    expect(run(base).fieldErrors).toEqual([]);
    expect(run({ ...base, licenceClass: 'adapted' }).fieldErrors).toEqual([]);
    expect(run({ ...base, licenceClass: 'other' }, { card: seventy }).fieldErrors).toEqual([]);
    const young = run({ ...base, licenceClass: 'other' });
    expect(basisOf(young, 'licenceClass')).toContain('公安部令第162号');
    expect(run(base).fee.total).toBe(0);
    expect(ids(run(base).missing)).toEqual(['drivingLicence', 'medicalCertificate']);
  });
});

describe('驾驶证延期换证 (driving-licence-deferral)', () => {
  const run = evaluator(loadRule('driving-licence-deferral'));
  const base = {
    reason: 'abroad',
    licenceValidTo: '2027-03-01',
    years: '3',
    mobile: '13800138000',
  };

  it('defers a licence still valid, by at most three years, free', () => {
    expect(run(base).fieldErrors).toEqual([]);
    expect(run(base).fee.total).toBe(0);
    const years = run(base).questions.find((q) => q.question.id === 'years');
    expect(years?.options.map((o) => o.value)).toEqual(['1', '2', '3']);
    // The last valid day may still apply; the day after may not.
    expect(run({ ...base, licenceValidTo: '2026-11-27' }).fieldErrors).toEqual([]);
    const expired = run({ ...base, licenceValidTo: '2026-11-26' });
    expect(expired.fieldErrors.map((f) => f.code)).toEqual(['check']);
    expect(basisOf(expired, 'licenceValidTo')).toContain('公安部令第162号');
  });
});

describe('驾驶证注销 (driving-licence-cancellation)', () => {
  const run = evaluator(loadRule('driving-licence-cancellation'));

  it('takes the licence back when the driver has it; a second thought is a correction, not a refusal', () => {
    const base = { licenceHeld: 'yes', confirm: 'yes', mobile: '13800138000' };
    expect(run(base).fieldErrors).toEqual([]);
    expect(ids(run(base).missing)).toEqual(['drivingLicence']);
    expect(ids(run({ ...base, licenceHeld: 'lost' }).missing)).toEqual([]);
    const notNow = run({ ...base, confirm: 'no' }).fieldErrors[0];
    expect(notNow?.code).toBe('check');
    expect(notNow?.basis).toBeUndefined();
  });
});

describe('遗失物品报失 and 拾得物品送交 (lost-property-report, found-property-handover)', () => {
  const lost = evaluator(loadRule('lost-property-report'));
  const found = evaluator(loadRule('found-property-handover'));

  it('registers lost property on the spot, and sends a theft to 110 on 刑事诉讼法 第一百一十条', () => {
    const base = {
      theft: 'lost',
      category: 'phone',
      description: '黑色手机，背面有裂纹',
      lostOn: '2026-11-26',
      lostPlace: '示例路公交站',
      mobile: '13800138000',
    };
    expect(lost(base).fieldErrors).toEqual([]);
    expect(lost(base).fee.total).toBe(0);
    const stolen = lost({ ...base, theft: 'stolen' });
    expect(basisOf(stolen, 'theft')).toContain('刑事诉讼法》第一百一十条');
    expect(questionIds(stolen)).toContain('category');
  });

  it('asks the finder whether the owner may have their number, and for the property at the window', () => {
    const e = found({
      category: 'wallet',
      description: '棕色钱包，内有现金约200元',
      foundOn: '2026-11-27',
      foundPlace: '派出所门口',
      contactFinder: 'no',
      mobile: '13800138000',
    });
    expect(e.fieldErrors).toEqual([]);
    expect(ids(e.requirements)).toContain('foundProperty');
    expect(loadRule('found-property-handover').guide.legalBasis.map((b) => b['zh-CN'])).toEqual(
      expect.arrayContaining([expect.stringContaining('民法典》第三百一十八条')]),
    );
  });
});
