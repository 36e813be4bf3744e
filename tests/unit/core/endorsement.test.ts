import { describe, expect, it } from 'vitest';
import { endorsementEnds, endorsementHere } from '../../../core/endorsement';
import { slipLines } from '../../../core/slip-lines';
import { sampleSlip } from '../../fixtures/sample-slip';

const TODAY = '2026-06-15';
const answers = {
  permitNumber: 'c12345678',
  permitValidTo: '2030-01-01',
  endorsementType: 'G',
  previousSameKind: 'yes',
  destination: 'HK',
  trips: '3m-1',
};
const passedAndPaid: Parameters<typeof endorsementHere>[2] = {
  identityCheck: 'passed',
  paid: true,
};

describe('再次签注 at the kiosk: who may have it here', () => {
  it('a repeat endorsement, a permit that outlives it, the face verified and the fee paid: asked of the back office', () => {
    expect(endorsementHere(answers, TODAY, passedAndPaid)).toEqual({
      ok: true,
      request: { permitNumber: 'C12345678', kind: 'G', destination: 'HK', trips: '3m-1' },
    });
  });

  it('sends everyone else to the window, saying why', () => {
    const why = (a: Record<string, string>, facts = passedAndPaid) => {
      const here = endorsementHere(a, TODAY, facts);
      return here.ok ? null : here.why;
    };
    expect(why({ ...answers, previousSameKind: 'no' })).toBe('first_of_kind');
    // Only tourism is issued on the spot; a family visit's or a stay's proof is examined at the window.
    expect(why({ ...answers, endorsementType: 'L' })).toBeNull();
    for (const kind of ['T', 'S', 'Q', 'D'])
      expect(why({ ...answers, endorsementType: kind })).toBe('not_tourism');
    // A one-year endorsement on a permit that ends in six months.
    expect(why({ ...answers, trips: '1y-2', permitValidTo: '2026-12-15' })).toBe(
      'permit_too_short',
    );
    expect(why(answers, { identityCheck: 'failed', paid: true })).toBe('not_verified');
    expect(why(answers, { identityCheck: null, paid: true })).toBe('not_verified');
    expect(why(answers, { identityCheck: 'passed', paid: false })).toBe('not_paid');
    expect(why({ ...answers, permitNumber: 'E12345678' })).toBe('answers_incomplete');
  });

  it('an endorsement runs 3 months or a year, ending the day before', () => {
    expect(endorsementEnds(TODAY, '3m-1')).toBe('2026-09-14');
    expect(endorsementEnds(TODAY, '1y-multi')).toBe('2027-06-14');
    // The permit's last day may be the endorsement's last day.
    expect(
      endorsementHere({ ...answers, permitValidTo: '2026-09-14' }, TODAY, passedAndPaid).ok,
    ).toBe(true);
    expect(
      endorsementHere({ ...answers, permitValidTo: '2026-09-13' }, TODAY, passedAndPaid).ok,
    ).toBe(false);
  });
});

describe('the slip of a payment and an endorsement', () => {
  const row = (
    slip: ReturnType<typeof sampleSlip>,
    key: string,
    locale: 'zh-CN' | 'en' = 'zh-CN',
  ) => slipLines(slip, locale).rows.find((r) => r.key === key)?.value;

  it('paid: the order, the e-receipt and its QR; issued: kind, trips, validity, done here', () => {
    const slip = sampleSlip({
      payment: {
        state: 'paid',
        amount: 15,
        orderNo: 'PO20260615ABCDEF0123456789',
        paidAt: '2026-06-15T02:01:00Z',
        receipt: { number: 'FS2026061500000001', url: 'https://pjcy.example.gov.cn/e/FS1' },
      },
      endorsement: {
        result: 'issued',
        kind: 'G',
        destination: 'HK',
        trips: '3m-1',
        validFrom: '2026-06-15',
        validUntil: '2026-09-14',
      },
    });
    expect(row(slip, 'payment')).toBe('已缴费 ￥15.00（订单号 PO20260615ABCDEF0123456789）');
    expect(row(slip, 'receipt')).toBe('FS2026061500000001');
    expect(row(slip, 'endorsement')).toBe(
      '签注已办理：香港个人旅游（G）签注，三个月一次有效，有效期 2026-06-15 至 2026-09-14',
    );
    expect(row(slip, 'status')).toBe('已在本机办结');
    expect(slipLines(slip, 'zh-CN').receiptQr?.text).toBe('https://pjcy.example.gov.cn/e/FS1');
    expect(row(slip, 'endorsement', 'en')).toBe(
      'Endorsement issued: Hong Kong individual tourism (G), one trip within 3 months, valid 2026-06-15 to 2026-09-14',
    );
  });

  it('unpaid: where to pay, no receipt; the endorsement for the window with why; no payment line where the fee is paid at the window anyway', () => {
    const slip = sampleSlip({
      payment: { state: 'unpaid', amount: 15, orderNo: null, paidAt: null, receipt: null },
      endorsement: { result: 'window', why: 'first_of_kind' },
    });
    expect(row(slip, 'payment')).toBe('未缴费：请到窗口缴纳 ￥15.00');
    expect(row(slip, 'receipt')).toBeUndefined();
    expect(slipLines(slip, 'zh-CN').receiptQr).toBeNull();
    expect(row(slip, 'endorsement')).toBe('首次申请此种签注，请到窗口办理');
    expect(row(slip, 'status')).toBe('已提交，等待窗口审核');
    expect(row(sampleSlip(), 'payment')).toBeUndefined();
  });
});
