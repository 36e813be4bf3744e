import { describe, expect, it } from 'vitest';
import { jsonDepth, nestedQuantifier } from '../../../rules/engine/regex-safety';

describe('rule patterns that could hang the kiosk', () => {
  it.each([
    '(?:[0-9A-Za-z]+)+',
    '(a+)+',
    '(x*)*',
    '([a-z]+\\d?)*',
    '(?:\\d+,)+\\d',
    '((ab)+c)+',
    '(a{2,})+',
    '(?<word>[A-Z]+)*',
  ])('refuses %s (a repeated part that repeats itself)', (pattern) => {
    expect(nestedQuantifier(pattern)).toMatch(/repeats a part that repeats itself/);
  });

  it.each([
    '[A-Z]{2}\\d{7}',
    '(?:[CE]\\d{8})',
    '[\\u4e00-\\u9fff·]{2,20}',
    '(ab)+',
    '(?:\\d{3}-)?\\d{8}',
    '[+*(]+',
    '\\(\\d+\\)+',
    '(a|b)+c',
    '(\\d{2}){3}',
  ])('accepts %s', (pattern) => {
    expect(nestedQuantifier(pattern)).toBeNull();
  });
});

describe('how deep a rule file nests', () => {
  it('counts without recursion, so 100,000 levels cannot overflow the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = { and: [deep] };
    expect(jsonDepth(deep)).toBe(200_000);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(jsonDepth(7)).toBe(0);
  });
});
