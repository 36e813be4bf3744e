import { describe, expect, it } from 'vitest';
import { evaluator, ids, loadRule } from './load-rule';

const rule = loadRule('hk-macau-endorsement');
const run = evaluator(rule);
const base = {
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
    const fee = (answers: Partial<typeof base>) => run({ ...base, ...answers }).fee.total;
    expect(fee({})).toBe(15);
    expect(fee({ trips: '1y-1' })).toBe(15);
    expect(fee({ trips: '3m-2' })).toBe(30);
    expect(fee({ trips: '1y-2', destination: 'both' })).toBe(60);
    expect(fee({ endorsementType: 'S', trips: '1y-multi' })).toBe(80);
    expect(fee({ endorsementType: 'T', trips: '1y-multi', destination: 'both' })).toBe(160);
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

  it('offers the trips each type allows', () => {
    const offered = (type: string) =>
      run({ ...base, endorsementType: type })
        .questions.find((q) => q.question.id === 'trips')!
        .options.map((o) => o.value);
    expect(offered('G')).toEqual(['3m-1', '3m-2', '1y-1', '1y-2']);
    expect(offered('T')).toEqual(['3m-1', '3m-2', '1y-1', '1y-multi']);
    expect(offered('S')).toEqual(['3m-1', '1y-multi']);
    expect(offered('Q')).toEqual(['3m-1']);
  });

  it('refuses trips the chosen type does not allow', () => {
    expect(run({ ...base, endorsementType: 'S', trips: '3m-2' }).fieldErrors).toEqual([
      { questionId: 'trips', code: 'choice_invalid', params: {} },
    ]);
  });

  it('needs proof of relationship for a family visit and business registration for business', () => {
    expect(ids(run({ ...base, endorsementType: 'T' }).missing)).toEqual([
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
