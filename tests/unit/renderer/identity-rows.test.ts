import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../core/identity';
import { NATIONS } from '../../../electron/devices/idcard/nations';
import { identityRows } from '../../../renderer/components/identity-rows';
import { translate, type Locale, type MessageKey, type Params } from '../../../renderer/i18n';

const tIn = (locale: Locale) => (key: MessageKey, params?: Params) =>
  translate(locale, key, params);
const rowsOf = (identity: Identity, locale: Locale) =>
  Object.fromEntries(
    identityRows(identity, tIn(locale), locale, identity.idNumber).map((r) => [r.label, r.value]),
  );

const resident: Identity = {
  kind: 'resident',
  name: '卓玛',
  sex: 'female',
  nation: '藏',
  birthDate: '1990-01-01',
  address: '西藏自治区拉萨市城关区示例路1号',
  idNumber: '540102199001010028',
  validFrom: '2015-01-01',
  validTo: '2035-01-01',
  hasPhoto: true,
};

describe("the card's details on screen", () => {
  it('names the nation as printed in Chinese, and in English on an English screen', () => {
    expect(rowsOf(resident, 'zh-CN')['民族']).toBe('藏');
    expect(rowsOf(resident, 'en')['Ethnicity']).toBe('Zang (Tibetan)');
    expect(rowsOf({ ...resident, nation: '汉' }, 'en')['Ethnicity']).toBe('Han');
  });

  it('has an English name for every nation code the card can carry', () => {
    for (const nation of Object.values(NATIONS)) {
      const shown = rowsOf({ ...resident, nation }, 'en')['Ethnicity'];
      expect(shown, nation).toMatch(/^[A-Z][A-Za-z ()']+$/);
    }
  });

  it('shows a foreigner card’s English name and nationality, and no nation', () => {
    const foreigner: Identity = {
      kind: 'foreigner2023',
      name: '',
      nameEn: 'SMITH JOHN',
      sex: 'male',
      nationality: 'GBR',
      birthDate: '1985-06-15',
      idNumber: '911826198506150011',
      validFrom: '2023-12-01',
      validTo: '2033-12-01',
      hasPhoto: true,
    };
    const rows = rowsOf(foreigner, 'zh-CN');
    expect(rows['英文姓名']).toBe('SMITH JOHN');
    expect(rows['国籍']).toBe('GBR');
    expect(rows).not.toHaveProperty('民族');
    expect(rows).not.toHaveProperty('姓名');
  });
});
