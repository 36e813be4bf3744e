import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPos, encodeGbk, statusRequest } from '../../../electron/devices/printer/escpos';
import { receiptText } from '../../../electron/devices/printer/receipt-text';
import { refusalReceipt, slipReceipt } from '../../../electron/devices/printer/slip-receipt';
import { refusalNoticeLines } from '../../../core/refusal-notice';
import { decodeStatus, problemOf } from '../../../electron/devices/printer/status';
import { displayWidth, twoColumns, wrap } from '../../../electron/devices/printer/text-width';
import { slipLines } from '../../../core/slip-lines';
import { material, sampleSlip } from '../../fixtures/sample-slip';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS encoding (docs/DEVICES.md §5)', () => {
  it('initialises and turns Chinese mode on', () => {
    expect(hex(new EscPos().init().bytes())).toBe('1b401c26');
  });

  it('encodes Chinese as GBK and the yuan sign as the two-byte full-width ￥', () => {
    expect(hex(encodeGbk('中'))).toBe('d6d0');
    expect(hex(encodeGbk('￥'))).toBe('a3a4');
    expect(hex(encodeGbk('¥'))).toBe('a3a4');
    // A character GBK lacks is marked with its code, never a bare "?".
    const decoded = (text: string) => iconv.decode(Buffer.from(encodeGbk(text)), 'gbk');
    expect(decoded('张𠮷')).toBe('张〔U+20BB7〕');
    expect(decoded('李㐀')).toBe('李〔U+3400〕');
    // 䶮 is in GBK (FE9F): printed as itself.
    expect(decoded('刘䶮')).toBe('刘䶮');
    expect(decoded('王玥')).toBe('王玥');
  });

  it('builds a model-2 QR code with GS ( k and UTF-8 data', () => {
    const bytes = new EscPos().qr('申请', 5).bytes();
    const data = Buffer.from('申请', 'utf8');
    expect(hex(bytes)).toBe(
      '1d286b0400314132001d286b03003143051d286b03003145311d286b' +
        (data.length + 3).toString(16).padStart(2, '0') +
        '0031503' +
        '0' +
        data.toString('hex') +
        '1d286b0300315130',
    );
  });

  it('has sizes, bold, alignment, feed, cut and DLE EOT', () => {
    const bytes = new EscPos().size(2, 2).bold(true).align('center').feed(3).cut(96).bytes();
    expect(hex(bytes)).toBe('1d21111b45011b61011b64031d564260');
    expect(hex(statusRequest(4))).toBe('100404');
  });
});

describe('receipt layout by display width', () => {
  it('counts a Chinese character as two columns and a rare one too', () => {
    expect(displayWidth('申请回执')).toBe(8);
    expect(displayWidth('ab中')).toBe(4);
    expect(displayWidth('𠮷')).toBe(2);
  });

  it('wraps at 32 columns without splitting a character', () => {
    const lines = wrap('中'.repeat(17), 32);
    expect(lines).toEqual(['中'.repeat(16), '中']);
    const mixed = wrap(`${'a'.repeat(31)}中`, 32);
    expect(mixed).toEqual(['a'.repeat(31), '中']);
    for (const line of wrap('在任一自助终端扫描本回执二维码，或拨打 12367 查询办理进度。', 32)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(32);
    }
  });

  it('puts a label left and a value right on one line when they fit', () => {
    expect(twoColumns('应缴费用：', '￥120.00', 32)).toEqual([
      `应缴费用：${' '.repeat(32 - 10 - 8)}￥120.00`,
    ]);
  });

  const slip = slipLines(
    sampleSlip({
      serviceName: { 'zh-CN': '户口迁移（迁入）', en: 'Household registration transfer (in)' },
      fee: { total: 0, items: [] },
      status: 'pending_completion',
      missing: [
        material('结婚证'),
        material('亲属关系证明材料', '出生医学证明或亲属关系证明（任选一项）'),
      ],
      bring: [material('申请人户口簿')],
    }),
    'zh-CN',
  );

  it.each([58, 80] as const)(
    'lays out the slip for %i mm paper within its columns, with QR, notice and cut',
    (paper) => {
      const text = receiptText(slipReceipt(slip, paper));
      expect(text).toContain('申请回执');
      expect(text).toContain('20261127-ABC123-X');
      expect(text).toContain('[QR:GAKIOSK:20261127-ABC123-X]');
      expect(text).toContain('一次性告知单');
      expect(text).toContain('1. 结婚证');
      expect(text).toContain('2. 亲属关系证明材料');
      expect(text).toContain('可提供：出生医学证明');
      expect(text).toContain('· 申请人户口簿');
      expect(text).toMatch(/应缴费用：\s+免费/);
      // The station heads the slip; its row is not printed a second time.
      expect(text.split('示例市公安局示例分局示例派出所').length).toBe(2);
      expect(text).toContain('[CUT]');
      const columns = paper === 58 ? 32 : 48;
      // The title is printed double width; every other line fits the roll.
      for (const line of text
        .split('\n')
        .filter(
          (l) => !l.startsWith('[') && !l.includes('申请回执') && !l.includes('20261127-ABC123-X'),
        )) {
        expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      }
    },
  );

  it('prints a fee paid here with its order, e-receipt number and the e-receipt’s QR', () => {
    const paid = slipLines(
      sampleSlip({
        payment: {
          state: 'paid',
          amount: 120,
          orderNo: 'PO20261127ABCDEF0123456789',
          paidAt: '2026-11-27T02:01:00Z',
          receipt: { number: 'FS2026112700000001', url: 'https://pjcy.example.gov.cn/e/FS1' },
        },
      }),
      'zh-CN',
    );
    const text = receiptText(slipReceipt(paid, 58));
    expect(text).toMatch(/缴费：\s+已缴费/);
    expect(text).toContain('PO20261127ABCDEF0123456789');
    expect(text).toMatch(/财政电子票据：\s+FS2026112700000001/);
    expect(text).toContain('[QR:https://pjcy.example.gov.cn/e/FS1]');
    expect(text).toContain('扫码查看财政电子票据');
  });
});

describe('the 一次性告知单 of a refusal', () => {
  const notice = refusalNoticeLines('zh-CN', {
    serviceName: { 'zh-CN': '普通护照换发补发', en: 'Passport renewal or replacement' },
    question: { 'zh-CN': '今天陪同孩子来办理的是', en: 'Who came with the child today?' },
    reason: {
      'zh-CN': '未满16周岁申请护照，须由监护人陪同，或由监护人委托他人陪同。',
      en: 'Under 16, with a guardian.',
    },
    basis: {
      'zh-CN': '《中华人民共和国普通护照和出入境通行证签发管理办法》第三条',
      en: 'Measures, art. 3',
    },
    desk: { 'zh-CN': '出入境业务窗口', en: 'Exit-entry window' },
    station: {
      name: '示例市公安局示例分局示例派出所',
      address: '便民路 1 号',
      phone: '010-00000000',
      complaintPhone: '12389',
      dutyPhone: null,
    },
    at: '2026-06-15T02:00:00.000Z',
    ruleVersion: '2026.06',
  });

  it.each([58, 80] as const)(
    'lays the reason and its basis out in full for %i mm paper, with where to ask and complain',
    (paper) => {
      const text = receiptText(refusalReceipt(notice, paper));
      const joined = text.replace(/\n/g, '');
      expect(text).toContain('一次性告知单');
      expect(joined).toContain('未满16周岁申请护照，须由监护人陪同，或由监护人委托他人陪同。');
      expect(joined).toContain('《中华人民共和国普通护照和出入境通行证签发管理办法》第三条');
      expect(text).toMatch(/告知时间：\s+2026年6月15日 10:00/);
      expect(text).toMatch(/12389/);
      expect(text).toMatch(/12345/);
      expect(text).toContain('规则版本 2026.06');
      expect(text).toContain('[CUT]');
      const columns = paper === 58 ? 32 : 48;
      for (const line of text
        .split('\n')
        .filter((l) => !l.startsWith('[') && !l.includes('一次性告知单')))
        expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    },
  );
});

describe('printer status (DLE EOT)', () => {
  it('reads an idle printer as able to print', () => {
    const status = decodeStatus(0x12, 0x12, 0x12);
    expect(status).toEqual({
      offline: false,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
    });
    expect(problemOf(status!)).toBeNull();
  });
  it('reads paper out, near end, cover open, offline', () => {
    expect(problemOf(decodeStatus(0x1a, 0x32, 0x7e)!)).toBe('paper_out');
    expect(decodeStatus(0x12, 0x12, 0x1e)!.paperNearEnd).toBe(true);
    expect(problemOf(decodeStatus(0x1a, 0x16, 0x12)!)).toBe('cover_open');
    expect(problemOf(decodeStatus(0x1a, 0x12, 0x12)!)).toBe('offline');
  });
  it('refuses bytes that are not status bytes', () => {
    expect(decodeStatus(0x00, 0x12, 0x12)).toBeNull();
    expect(decodeStatus(0x12, 0xff, 0x12)).toBeNull();
  });
});
