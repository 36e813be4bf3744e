import data from './regions-gbt2260.json';

/** GB/T 2260 administrative divisions: province → city → county, as offered by the region picker. */
export interface Region {
  readonly code: string;
  readonly name: string;
}
export interface City extends Region {
  readonly counties: readonly Region[];
}
export interface Province extends Region {
  readonly cities: readonly City[];
}

export const PROVINCES: readonly Province[] = data.provinces;
export const REGION_SOURCE: string = data.source;

const counties = new Map<string, { province: Province; city: City; county: Region }>();
for (const province of PROVINCES) {
  for (const city of province.cities) {
    for (const county of city.counties) counties.set(county.code, { province, city, county });
  }
}

export const isCountyCode = (code: string): boolean => counties.has(code);

/** 北京市朝阳区 / 广东省广州市越秀区: the county's full name, skipping 市辖区 placeholders. */
export function regionName(code: string): string | null {
  const found = counties.get(code);
  if (found === undefined) return null;
  const city = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(found.city.name)
    ? ''
    : found.city.name;
  return `${found.province.name}${city}${found.county.name}`;
}

/** '11' for 北京市: the GB/T 2260 province a county code (or a station code starting with one) lies in; '' when none. */
export function provinceOf(code: string | null): string {
  const province = code?.slice(0, 2) ?? '';
  return PROVINCES.some((p) => p.code === province) ? province : '';
}

/** The county an ID card address starts with ("北京市朝阳区示例路…" → 110105), if it names one plainly. */
export function regionFromAddress(address: string): string | null {
  for (const province of PROVINCES) {
    if (!address.startsWith(province.name)) continue;
    const rest = address.slice(province.name.length);
    for (const city of province.cities) {
      const afterCity = rest.startsWith(city.name) ? rest.slice(city.name.length) : rest;
      const county = city.counties.find((c) => afterCity.startsWith(c.name));
      if (county !== undefined) return county.code;
    }
  }
  return null;
}
