import { idCheckChar } from '../../../rules/engine/id-number';
import type { LocalText } from '../../../rules/engine/schema';
import type { IdentityKind } from '../../../core/identity';
import type { CardFields } from './text-block-encoder';

/**
 * Fictional people for demo mode and tests. Names, addresses and numbers are
 * invented; the ID numbers carry valid GB 11643 check characters so the real
 * parser accepts them.
 */
export interface SampleCard {
  readonly id: string;
  readonly label: LocalText;
  readonly kind: IdentityKind;
  readonly fields: CardFields;
}

const withCheck = (first17: string): string => `${first17}${idCheckChar(first17) ?? ''}`;

// prettier-ignore
export const SAMPLE_CARDS: readonly SampleCard[] = [
  {
    id: 'adult',
    label: { 'zh-CN': '王晓明（38岁，男）', en: 'Wang Xiaoming (38, male)' },
    kind: 'resident',
    fields: {
      name: '王晓明', sex: '1', nation: '01', birth: '19880615',
      address: '北京市朝阳区示例路88号3单元201室', idNumber: withCheck('11010519880615003'),
      issuer: '北京市公安局朝阳分局', validFrom: '20180301', validTo: '20380301',
    },
  },
  {
    id: 'elder',
    label: { 'zh-CN': '李秀英（76岁，女）', en: 'Li Xiuying (76, female)' },
    kind: 'resident',
    fields: {
      name: '李秀英', sex: '2', nation: '01', birth: '19500302',
      address: '北京市西城区示例胡同12号', idNumber: withCheck('11010219500302002'),
      issuer: '北京市公安局西城分局', validFrom: '20100415', validTo: '长期',
    },
  },
  {
    id: 'polyphone',
    label: { 'zh-CN': '单雪梅（31岁，女，满族）', en: 'Shan Xuemei (31, female, Manchu)' },
    kind: 'resident',
    fields: {
      name: '单雪梅', sex: '2', nation: '11', birth: '19951120',
      address: '辽宁省沈阳市和平区示例街7号', idNumber: withCheck('21010219951120004'),
      issuer: '沈阳市公安局和平分局', validFrom: '20200601', validTo: '20400601',
    },
  },
  {
    id: 'minor',
    label: { 'zh-CN': '欧阳小龙（15岁，男）', en: 'Ouyang Xiaolong (15, male)' },
    kind: 'resident',
    fields: {
      name: '欧阳小龙', sex: '1', nation: '01', birth: '20110501',
      address: '广东省广州市越秀区示例大道3号', idNumber: withCheck('44010420110501001'),
      issuer: '广州市公安局越秀分局', validFrom: '20230801', validTo: '20280801',
    },
  },
  {
    id: 'expired',
    label: { 'zh-CN': '赵建国（证件已过期）', en: 'Zhao Jianguo (expired card)' },
    kind: 'resident',
    fields: {
      name: '赵建国', sex: '1', nation: '01', birth: '19700909',
      address: '河北省石家庄市长安区示例路20号', idNumber: withCheck('13010219700909005'),
      issuer: '石家庄市公安局长安分局', validFrom: '20051001', validTo: '20251001',
    },
  },
];
