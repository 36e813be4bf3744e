import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber } from '../../../rules/engine/id-number';
import { passportPinyin, splitChineseName } from '../../../rules/engine/pinyin-name';
import type { Question } from '../../../rules/engine/schema';
import { checkAnswer } from '../../../rules/engine/validate';

describe('GB 11643 ID numbers', () => {
  it('computes the standard example check character X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('accepts a good number and names the problem with a bad one', () => {
    expect(checkIdNumber('11010519491231002X', '2026-11-27')).toBeNull();
    expect(checkIdNumber('11010519491231002x', '2026-11-27')).toBeNull();
    expect(checkIdNumber('110105194912310021', '2026-11-27')).toBe('check_digit');
    expect(checkIdNumber('110105194902300021', '2026-11-27')).toBe('birth_date');
    expect(checkIdNumber('110105203001010021', '2026-11-27')).toBe('birth_date');
    expect(checkIdNumber('1101051949123100', '2026-11-27')).toBe('format');
  });
  it('masks all but the first four and last two characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101************2X');
  });
});

describe('passport pinyin', () => {
  it.each([
    ['单雪梅', 'SHAN', 'XUEMEI'],
    ['曾国藩', 'ZENG', 'GUOFAN'],
    ['区志坚', 'OU', 'ZHIJIAN'],
    ['解晓东', 'XIE', 'XIAODONG'],
    ['查良镛', 'ZHA', 'LIANGYONG'],
    ['仇英', 'QIU', 'YING'],
    ['朴槿惠', 'PIAO', 'JINHUI'],
    ['盖聂', 'GE', 'NIE'],
    ['吕小乐', 'LYU', 'XIAOLE'],
    ['欧阳娜娜', 'OUYANG', 'NANA'],
    ['尉迟恭', 'YUCHI', 'GONG'],
  ])('%s → %s %s', (name, surname, given) => {
    expect(passportPinyin(name)).toEqual({ surname, givenName: given });
  });

  it('keeps two-character names with a compound-looking start as surname + given name', () => {
    expect(splitChineseName('欧阳')).toEqual({ surname: '欧', givenName: '阳' });
  });

  it('splits by code points, so a supplementary-plane character stays whole', () => {
    expect(splitChineseName('𠮷野家')).toEqual({ surname: '𠮷', givenName: '野家' });
  });

  it('leaves a part with an unreadable character for the citizen to type, never shifting syllables', () => {
    expect(passportPinyin('𠮷田一')).toEqual({ surname: '', givenName: 'TIANYI' });
    expect(passportPinyin('王𠮷')).toEqual({ surname: 'WANG', givenName: '' });
    expect(passportPinyin('王䶮')).toEqual({ surname: 'WANG', givenName: 'YAN' });
  });
});

describe('free text is writing, not pictures', () => {
  const text = { id: 'purposeDetail', type: 'text', minLength: 1, maxLength: 50 } as Question;
  const address = { id: 'toAddress', type: 'address', maxLength: 100 } as Question;
  const date = { id: 'since', type: 'date', range: 'any' } as Question;

  it('refuses emoji, flags, keycaps and skin tones with their own message, in text and addresses', () => {
    for (const value of ['出国留学😀', '去🇭🇰探亲', '3️⃣号楼', '👍🏽好'])
      expect(checkAnswer(text, value, '2026-11-27')?.code, value).toBe('symbol_not_allowed');
    expect(checkAnswer(address, '北京市朝阳区🏠示例路88号', '2026-11-27')?.code).toBe(
      'symbol_not_allowed',
    );
  });

  it('keeps rare characters, digits and punctuation', () => {
    for (const value of ['𠮷田家的地址', '䶮：18号（东门）', 'No.5 Bldg, 2#'])
      expect(checkAnswer(text, value, '2026-11-27'), value).toBeNull();
  });

  it('tells a day that does not exist from a date not finished, and a year no document carries', () => {
    expect(checkAnswer(date, '1026-11-27', '2026-11-27')).toMatchObject({
      code: 'date_year_unlikely',
      params: { year: 1026 },
    });
    expect(checkAnswer(date, '2077-11-27', '2026-11-27')?.code).toBe('date_year_unlikely');
    expect(checkAnswer(date, '2076-11-27', '2026-11-27')).toBeNull();
    expect(checkAnswer(date, '1900-01-01', '2026-11-27')).toBeNull();
    expect(checkAnswer(date, '2027-02-30', '2026-11-27')?.code).toBe('date_not_real');
    expect(checkAnswer(date, '2027-02', '2026-11-27')?.code).toBe('date_format');
  });
});
