import { describe, expect, it } from 'vitest';
import { parseTextBlock } from '../../../electron/devices/idcard/text-block';
import { NATIONS } from '../../../electron/devices/idcard/nations';
import { encodeTextBlock } from '../../../electron/devices/sim/text-block-encoder';
import { idCheckChar } from '../../../rules/engine/id-number';

const TODAY = '2026-11-27';
const id = (first17: string) => `${first17}${idCheckChar(first17)}`;

const resident = {
  name: '王晓明',
  sex: '1',
  nation: '01',
  birth: '19880615',
  address: '北京市朝阳区示例路88号3单元201室',
  idNumber: id('11010519880615003'),
  issuer: '北京市公安局朝阳分局',
  validFrom: '20180301',
  validTo: '20380301',
};

describe('ID card text block', () => {
  it('parses a resident card: trimmed fields, names from code tables, ISO dates', () => {
    const parsed = parseTextBlock(encodeTextBlock('resident', resident), TODAY);
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: 'resident',
        name: '王晓明',
        sex: 'male',
        nation: '汉',
        birthDate: '1988-06-15',
        address: '北京市朝阳区示例路88号3单元201室',
        idNumber: resident.idNumber,
        issuer: '北京市公安局朝阳分局',
        validFrom: '2018-03-01',
        validTo: '2038-03-01',
        hasPhoto: false,
        nameEn: undefined,
        nationality: undefined,
        travelPermitNumber: undefined,
      },
    });
  });

  it('reads 长期 as a validity that never ends', () => {
    const parsed = parseTextBlock(
      encodeTextBlock('resident', { ...resident, validTo: '长期' }),
      TODAY,
    );
    expect(parsed.ok && parsed.value.validTo).toBe('长期');
  });

  it('does not turn an unknown sex code into female', () => {
    const parsed = parseTextBlock(encodeTextBlock('resident', { ...resident, sex: '0' }), TODAY);
    expect(parsed.ok && parsed.value.sex).toBe('unknown');
    const unstated = parseTextBlock(encodeTextBlock('resident', { ...resident, sex: '9' }), TODAY);
    expect(unstated.ok && unstated.value.sex).toBe('unstated');
  });

  it('knows all 56 nations plus 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(NATIONS['46']).toBe('德昂');
    const parsed = parseTextBlock(
      encodeTextBlock('resident', { ...resident, nation: '98' }),
      TODAY,
    );
    expect(parsed.ok && parsed.value.nation).toBe('外国血统中国籍人士');
  });

  it('refuses a card whose ID number fails the GB 11643 check', () => {
    const bad = {
      ...resident,
      idNumber: resident.idNumber.slice(0, 17) + (resident.idNumber.endsWith('0') ? '1' : '0'),
    };
    const parsed = parseTextBlock(encodeTextBlock('resident', bad), TODAY);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'bad_id_number' } });
  });

  it('refuses an impossible date rather than guessing', () => {
    const parsed = parseTextBlock(
      encodeTextBlock('resident', { ...resident, birth: '19880230' }),
      TODAY,
    );
    expect(parsed).toMatchObject({ ok: false, error: { code: 'bad_date' } });
  });

  it("parses the HK/Macau/Taiwan residence permit ('J') with its travel permit number", () => {
    const block = encodeTextBlock('hmt', {
      name: '陈美玲',
      sex: '2',
      birth: '19900101',
      address: '广东省深圳市福田区示例路1号',
      idNumber: id('81000019900101002'),
      issuer: '深圳市公安局',
      validFrom: '20200101',
      validTo: '20250101',
      travelPermit: 'H12345678',
      issueCount: '01',
    });
    const parsed = parseTextBlock(block, TODAY);
    expect(parsed).toMatchObject({
      ok: true,
      value: { kind: 'hmt', name: '陈美玲', travelPermitNumber: 'H12345678', nation: undefined },
    });
  });

  it("parses the 2017 foreigner permanent residence card ('I')", () => {
    const block = encodeTextBlock('foreigner2017', {
      nameEn: 'SMITH, JOHN ANDREW',
      sex: '1',
      idNumber: 'USA110090010105',
      nationality: 'USA',
      name: '史密斯',
      validFrom: '20170601',
      validTo: '20270601',
      birth: '19800105',
      version: '01',
      authority: '1500',
    });
    const parsed = parseTextBlock(block, TODAY);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        kind: 'foreigner2017',
        name: '史密斯',
        nameEn: 'SMITH, JOHN ANDREW',
        nationality: 'USA',
        idNumber: 'USA110090010105',
        birthDate: '1980-01-05',
      },
    });
  });

  it("parses the 2023 foreigner card ('Y') and joins an English name split across its two fields", () => {
    const full = 'MARTIN, MARIE-CLAIRE ELISABETH DUPONT';
    // 70 bytes hold 35 characters; the card cuts the rest into the second field, mid-word.
    const block = encodeTextBlock('foreigner2023', {
      name: '玛丽',
      sex: '2',
      renewals: '00',
      birth: '19850310',
      nameEn: full.slice(0, 35),
      idNumber: id('93311019850310002'),
      validFrom: '20230901',
      validTo: '20330901',
      nameEnMore: full.slice(35),
      nationality: 'FRA',
    });
    const parsed = parseTextBlock(block, TODAY);
    expect(parsed).toMatchObject({
      ok: true,
      value: { kind: 'foreigner2023', name: '玛丽', nationality: 'FRA' },
    });
    expect(parsed.ok && parsed.value.nameEn).toBe('MARTIN, MARIE-CLAIRE ELISABETH DUPONT');
  });

  it('keeps a rare character whole', () => {
    const parsed = parseTextBlock(
      encodeTextBlock('resident', { ...resident, name: '王㼆' }),
      TODAY,
    );
    expect(parsed.ok && parsed.value.name).toBe('王㼆');
  });
});
