import { describe, expect, it } from 'vitest';
import dictionary from '../../../renderer/keyboard/pinyin-dictionary.json';
import { createIme } from '../../../renderer/keyboard/pinyin-ime';

const ime = createIme(dictionary);
const texts = (letters: string, context: Parameters<typeof ime.candidates>[1] = 'text') =>
  ime.candidates(letters, context).map((c) => c.text);

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
});
