import type { IdentityKind } from '../../../core/identity';
import { ageOn, type IsoDate } from '../../../base/dates';
import { idCheckChar } from '../../../rules/engine/id-number';
import type { LocalText } from '../../../rules/engine/schema';
import type { CardFields } from './text-block-encoder';

/**
 * Fictional people for demo mode and tests. Names, addresses and numbers are
 * invented; the ID numbers carry valid GB 11643 check characters so the real
 * parser accepts them. Their birth dates and validity follow the kiosk's day,
 * so on any date the elder is over 70, the minor under 16 and the expired
 * card expired — a demo kiosk never drifts out of its own scenarios.
 */
export interface SampleCard {
  readonly id: SampleCardId;
  readonly label: LocalText;
  readonly kind: IdentityKind;
  readonly fields: CardFields;
}

export type SampleCardId = 'adult' | 'elder' | 'polyphone' | 'minor' | 'expired';

interface Person {
  readonly id: SampleCardId;
  readonly name: string;
  readonly nameEn: string;
  readonly sex: '1' | '2';
  /** GB 3304 code. */
  readonly nation: string;
  readonly nationLabel?: LocalText;
  /** Years between the birth year and the kiosk's year; the birthday is `birthday`. */
  readonly bornYearsAgo: number;
  readonly birthday: string;
  /** GB/T 2260 code and sequence number: the first six and the 15th–17th characters. */
  readonly region: string;
  readonly sequence: string;
  readonly address: string;
  readonly issuer: string;
  /** Issued this many years before the kiosk's year, on `issuedOn`; valid `validYears` (null: 长期). */
  readonly issuedYearsAgo: number;
  readonly issuedOn: string;
  readonly validYears: number | null;
}

// prettier-ignore
const PEOPLE: readonly Person[] = [
  { id: 'adult', name: '王晓明', nameEn: 'Wang Xiaoming', sex: '1', nation: '01', bornYearsAgo: 38,
    birthday: '06-15', region: '110105', sequence: '003', address: '北京市朝阳区示例路88号3单元201室',
    issuer: '北京市公安局朝阳分局', issuedYearsAgo: 8, issuedOn: '03-01', validYears: 20 },
  { id: 'elder', name: '李秀英', nameEn: 'Li Xiuying', sex: '2', nation: '01', bornYearsAgo: 76,
    birthday: '03-02', region: '110102', sequence: '002', address: '北京市西城区示例胡同12号',
    issuer: '北京市公安局西城分局', issuedYearsAgo: 16, issuedOn: '04-15', validYears: null },
  { id: 'polyphone', name: '单雪梅', nameEn: 'Shan Xuemei', sex: '2', nation: '11',
    nationLabel: { 'zh-CN': '满族', en: 'Manchu' }, bornYearsAgo: 31, birthday: '11-20',
    region: '210102', sequence: '004', address: '辽宁省沈阳市和平区示例街7号',
    issuer: '沈阳市公安局和平分局', issuedYearsAgo: 6, issuedOn: '06-01', validYears: 20 },
  { id: 'minor', name: '欧阳小龙', nameEn: 'Ouyang Xiaolong', sex: '1', nation: '01', bornYearsAgo: 15,
    birthday: '05-01', region: '440104', sequence: '001', address: '广东省广州市越秀区示例大道3号',
    issuer: '广州市公安局越秀分局', issuedYearsAgo: 3, issuedOn: '08-01', validYears: 5 },
  { id: 'expired', name: '赵建国', nameEn: 'Zhao Jianguo', sex: '1', nation: '01', bornYearsAgo: 56,
    birthday: '09-09', region: '130102', sequence: '005', address: '河北省石家庄市长安区示例路20号',
    issuer: '石家庄市公安局长安分局', issuedYearsAgo: 21, issuedOn: '10-01', validYears: 20 },
];

const withCheck = (first17: string): string => `${first17}${idCheckChar(first17) ?? ''}`;
const compact = (iso: string): string => iso.replaceAll('-', '');

function label(person: Person, birth: IsoDate, today: IsoDate, expired: boolean): LocalText {
  if (expired) {
    return { 'zh-CN': `${person.name}（证件已过期）`, en: `${person.nameEn} (expired card)` };
  }
  const age = ageOn(birth, today);
  const female = person.sex === '2';
  const nation = person.nationLabel;
  return {
    'zh-CN': `${person.name}（${age}岁，${female ? '女' : '男'}${nation ? `，${nation['zh-CN']}` : ''}）`,
    en: `${person.nameEn} (${age}, ${female ? 'female' : 'male'}${nation ? `, ${nation.en}` : ''})`,
  };
}

/** The sample cards as they read on `today` (the kiosk's day, `YYYY-MM-DD`). */
export function sampleCards(today: IsoDate): readonly SampleCard[] {
  const year = Number(today.slice(0, 4));
  return PEOPLE.map((person) => {
    const birth = `${year - person.bornYearsAgo}-${person.birthday}`;
    const issuedYear = year - person.issuedYearsAgo;
    const validFrom = `${issuedYear}-${person.issuedOn}`;
    const validTo =
      person.validYears === null ? '长期' : `${issuedYear + person.validYears}-${person.issuedOn}`;
    return {
      id: person.id,
      label: label(person, birth, today, validTo !== '长期' && validTo < today),
      kind: 'resident',
      fields: {
        name: person.name,
        sex: person.sex,
        nation: person.nation,
        birth: compact(birth),
        address: person.address,
        idNumber: withCheck(`${person.region}${compact(birth)}${person.sequence}`),
        issuer: person.issuer,
        validFrom: compact(validFrom),
        validTo: validTo === '长期' ? validTo : compact(validTo),
      },
    };
  });
}

/** One sample card on `today`. */
export function sampleCard(id: SampleCardId, today: IsoDate): SampleCard {
  const card = sampleCards(today).find((c) => c.id === id);
  if (card === undefined) throw new Error(`no sample card "${id}"`);
  return card;
}

export const isSampleCardId = (id: string): id is SampleCardId =>
  PEOPLE.some((person) => person.id === id);
