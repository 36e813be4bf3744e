import { describe, expect, it } from 'vitest';
import { dutyPhoneAt, type DutyShift } from '../../../core/duty-roster';
import { slipLines } from '../../../core/slip-lines';
import { sampleSlip } from '../../fixtures/sample-slip';

const ROSTER: DutyShift[] = [
  { days: [1, 2, 3, 4, 5], from: '08:30', to: '17:30', phone: '010-11110001' },
  { days: [1, 2, 3, 4, 5], from: '17:30', to: '24:00', phone: '010-11110002' },
  { days: [6, 7], from: '09:00', to: '17:00', phone: '010-11110003' },
];

describe('首接责任制: the duty officer on the slip', () => {
  it('names the shift covering the moment, in China time', () => {
    // Monday 2026-06-15, 10:00 in Beijing is 02:00 UTC.
    expect(dutyPhoneAt(ROSTER, new Date('2026-06-15T02:00:00Z'))).toBe('010-11110001');
    expect(dutyPhoneAt(ROSTER, new Date('2026-06-15T09:30:00Z'))).toBe('010-11110002');
    // Saturday 08:59 Beijing: nobody yet; 09:00: the weekend desk.
    expect(dutyPhoneAt(ROSTER, new Date('2026-06-20T00:59:00Z'))).toBeNull();
    expect(dutyPhoneAt(ROSTER, new Date('2026-06-20T01:00:00Z'))).toBe('010-11110003');
    expect(dutyPhoneAt([], new Date('2026-06-15T02:00:00Z'))).toBeNull();
  });

  it('the slip gives the duty phone where there is one, and 12389 and 12345 each for what it is for', () => {
    const rows = (dutyPhone: string | null) =>
      slipLines(
        sampleSlip({
          station: {
            name: '示例派出所',
            address: '便民路 1 号',
            phone: '010-00000000',
            complaintPhone: '12389',
            dutyPhone,
          },
        }),
        'zh-CN',
      ).rows;
    const withDuty = rows('010-11110001');
    expect(withDuty.find((r) => r.key === 'dutyPhone')?.value).toBe('010-11110001');
    expect(withDuty.find((r) => r.key === 'complaintPhone')).toMatchObject({
      label: '监督投诉电话（对民警执法、服务的监督举报）',
      value: '12389',
    });
    expect(withDuty.find((r) => r.key === 'hotline')).toMatchObject({
      label: '政务服务便民热线（政务服务咨询、求助、投诉建议）',
      value: '12345',
    });
    expect(rows(null).some((r) => r.key === 'dutyPhone')).toBe(false);
  });
});
