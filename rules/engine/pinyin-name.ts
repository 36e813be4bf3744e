import { pinyin } from 'pinyin-pro';

/**
 * Compound surnames (复姓) in common use. A name that starts with one of these
 * has a two-character surname; otherwise the surname is the first character.
 */
// prettier-ignore
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离', '闾丘', '澹台', '公冶', '太史',
  '申屠', '端木', '南宫', '西门', '百里', '呼延', '独孤', '万俟', '司空', '赫连',
  '东郭', '第五', '左丘', '拓跋', '仲孙', '濮阳', '淳于', '单于', '太叔', '羊舌',
]);

export interface NameParts {
  readonly surname: string;
  readonly givenName: string;
}

/** Splits a Chinese name by code points, so a supplementary-plane character such as 𠮷 stays whole. */
export function splitChineseName(name: string): NameParts {
  const chars = Array.from(name.replace(/\s+/g, ''));
  const surnameLength =
    chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return {
    surname: chars.slice(0, surnameLength).join(''),
    givenName: chars.slice(surnameLength).join(''),
  };
}

/**
 * Passport-style pinyin: upper case, no tones, syllables run together, ü written YU
 * (吕 → LYU). Surnames are read with their surname pronunciation (单 SHAN, 曾 ZENG).
 * A part holding a character the dictionary cannot read (𠮷) comes back empty, so the
 * citizen types it from the household register: never a part with a syllable dropped
 * (𠮷田一 used to become surname TIAN, given name YI).
 */
export function passportPinyin(name: string): NameParts {
  const parts = splitChineseName(name);
  const characters = Array.from(`${parts.surname}${parts.givenName}`);
  // 'spaced' keeps an unreadable character as itself, one entry per character, so the
  // syllables stay aligned with the characters.
  const syllables = pinyin(characters.join(''), {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    v: false,
    nonZh: 'spaced',
  });
  const surnameCount = Array.from(parts.surname).length;
  const romanize = (list: readonly string[]): string => {
    const read = list.map((s) => s.replace(/ü/g, 'yu'));
    if (read.length === 0 || read.some((s) => !/^[a-z]+$/i.test(s))) return '';
    return read.join('').toUpperCase();
  };
  if (syllables.length !== characters.length) return { surname: '', givenName: '' };
  return {
    surname: romanize(syllables.slice(0, surnameCount)),
    givenName: romanize(syllables.slice(surnameCount)),
  };
}
