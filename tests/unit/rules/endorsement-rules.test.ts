import { describe, expect, it } from 'vitest';
import { adult, evaluator, ids, loadRule } from './load-rule';

const rule = loadRule('hk-macau-endorsement');
const run = evaluator(rule);
const sixty = { ...adult, birthDate: '1960-01-10', idNumber: '110105196001100036' };
const base: Record<string, string> = {
  permitNumber: 'C12345678',
  permitValidTo: '2030-01-01',
  endorsementType: 'G',
  previousSameKind: 'yes',
  destination: 'HK',
  trips: '3m-1',
  mobile: '13800138000',
};

describe('往来港澳通行证签注 (hk-macau-endorsement)', () => {
  it('charges each endorsement by its trips (发改价格〔2017〕1186号): once ￥15, twice ￥30, many ￥80', () => {
    const fee = (answers: Record<string, string>) => run({ ...base, ...answers }).fee.total;
    expect(fee({})).toBe(15);
    expect(fee({ trips: '1y-1' })).toBe(15);
    expect(fee({ trips: '3m-2' })).toBe(30);
    expect(fee({ trips: '1y-2', destination: 'both' })).toBe(60);
    expect(fee({ endorsementType: 'S', trips: '1y-multi' })).toBe(80);
    expect(fee({ endorsementType: 'S', trips: '3m-multi' })).toBe(80);
    expect(
      fee({
        endorsementType: 'T',
        visitRelation: 'spouse',
        trips: '1y-multi',
        destination: 'both',
      }),
    ).toBe(160);
    const both = run({ ...base, destination: 'both' });
    expect(both.fee.items.map((i) => i.label['zh-CN'])).toEqual([
      '香港一次有效签注',
      '澳门一次有效签注',
    ]);
  });

  it('takes only an electronic permit number (C…), not a passport number (E…)', () => {
    expect(run(base).fieldErrors).toEqual([]);
    expect(run({ ...base, permitNumber: 'E12345678' }).fieldErrors.map((e) => e.code)).toEqual([
      'pattern',
    ]);
  });

  // 国家移民管理局's guide to the endorsements: what is issued to whom.
  it('offers the trips each type allows', () => {
    const offered = (answers: Record<string, string>, card = adult) =>
      run({ ...base, ...answers }, { card })
        .questions.find((q) => q.question.id === 'trips')
        ?.options.map((o) => o.value);
    expect(offered({ endorsementType: 'G' })).toEqual(['3m-1', '3m-2', '1y-1', '1y-2']);
    expect(offered({ endorsementType: 'L' })).toEqual(['3m-1', '3m-2', '1y-1', '1y-2']);
    // 探亲: brothers, sisters, grandparents: one trip in 3 months; spouse, parents, children:
    // many trips in 3 months; a year of many trips for a spouse, or at 60 for a parent or child.
    expect(offered({ endorsementType: 'T', visitRelation: 'other' })).toEqual(['3m-1']);
    expect(offered({ endorsementType: 'T', visitRelation: 'family' })).toEqual([
      '3m-1',
      '3m-multi',
    ]);
    expect(offered({ endorsementType: 'T', visitRelation: 'family' }, sixty)).toEqual([
      '3m-1',
      '3m-multi',
      '1y-multi',
    ]);
    expect(offered({ endorsementType: 'T', visitRelation: 'spouse' })).toEqual([
      '3m-1',
      '3m-multi',
      '1y-multi',
    ]);
    expect(offered({ endorsementType: 'S' })).toEqual(['3m-1', '3m-multi', '1y-multi']);
    expect(offered({ endorsementType: 'Q' })).toEqual(['3m-1', '3m-2', '3m-multi']);
    // 逗留: many trips for the period Hong Kong or Macao approved, so no menu.
    expect(offered({ endorsementType: 'D' })).toBeUndefined();
  });

  it('asks a family visit whom it is for, and a stay until when it was approved', () => {
    const asked = (type: string) =>
      run({ ...base, endorsementType: type }).questions.map((q) => q.question.id);
    expect(asked('T')).toContain('visitRelation');
    expect(asked('G')).not.toContain('visitRelation');
    expect(asked('D')).toContain('stayApprovedUntil');
    expect(asked('D')).not.toContain('trips');
  });

  it('charges a stay endorsement by the period approved: ￥80 a year, ￥120 two, ￥160 under three, ￥240 beyond', () => {
    const stay = (until: string, destination = 'HK') =>
      run(
        { ...base, endorsementType: 'D', destination, stayApprovedUntil: until },
        {
          today: '2026-12-08',
        },
      );
    expect(stay('2027-06-30').fee.total).toBe(80);
    expect(stay('2027-12-08').fee.total).toBe(80);
    expect(stay('2027-12-09').fee.total).toBe(120);
    expect(stay('2029-06-30').fee.total).toBe(160);
    expect(stay('2029-12-08').fee.total).toBe(240);
    expect(stay('2027-06-30', 'both').fee.items.map((i) => i.label['zh-CN'])).toEqual([
      '香港逗留签注（多次有效，一年以内）',
      '澳门逗留签注（多次有效，一年以内）',
    ]);
    expect(ids(stay('2027-06-30').missing)).toEqual(['travelPermit', 'stayApproval']);
    expect(stay('2027-06-30').timeLimit).toEqual({ days: 7, unit: 'working' });
  });

  it('refuses trips the chosen type does not allow', () => {
    expect(run({ ...base, endorsementType: 'S', trips: '3m-2' }).fieldErrors).toEqual([
      { questionId: 'trips', code: 'choice_invalid', params: {} },
    ]);
  });

  it('needs proof of relationship for a family visit and business registration for business', () => {
    expect(ids(run({ ...base, endorsementType: 'T', visitRelation: 'family' }).missing)).toEqual([
      'travelPermit',
      'relativeProof',
    ]);
    expect(ids(run({ ...base, endorsementType: 'S', trips: '1y-multi' }).missing)).toEqual([
      'travelPermit',
      'businessRegistration',
    ]);
  });

  it('is done on the spot only for a repeat tourism endorsement (at a 自助签注机), 7 working days otherwise', () => {
    expect(run(base).timeLimit).toEqual({ days: 0, unit: 'working' });
    expect(run({ ...base, endorsementType: 'L' }).timeLimit).toEqual({ days: 0, unit: 'working' });
    expect(run({ ...base, previousSameKind: 'no' }).timeLimit).toEqual({
      days: 7,
      unit: 'working',
    });
    expect(run({ ...base, endorsementType: 'T' }).timeLimit).toEqual({ days: 7, unit: 'working' });
  });

  it('checks the permit number and refuses a permit expiring within 3 months', () => {
    expect(run({ ...base, permitNumber: 'X1234' }).fieldErrors.map((e) => e.code)).toEqual([
      'too_short',
    ]);
    const wrong = run({ ...base, permitNumber: 'X12345678' }).fieldErrors[0];
    expect(wrong?.code).toBe('pattern');
    expect(wrong?.message?.['zh-CN']).toContain('通行证号码');
    const soon = run({ ...base, permitValidTo: '2027-01-15' }).fieldErrors[0];
    expect(soon?.code).toBe('check');
    expect(soon?.message?.['zh-CN']).toContain('不足3个月');
    expect(run({ ...base, permitValidTo: '2026-01-01' }).fieldErrors[0]?.code).toBe('date_in_past');
  });

  it('names the endorsement on the slip', () => {
    expect(run({ ...base, endorsementType: 'L' }).outcomes).toEqual([
      {
        id: 'endorsement',
        label: { 'zh-CN': '申请的签注', en: 'Endorsement applied for' },
        text: { 'zh-CN': '团队旅游（L）签注', en: 'Group tour (L)' },
      },
    ]);
  });
});
