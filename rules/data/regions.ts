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

export const REGION_SOURCE: string = data.source;

/** `#11北京市*01市辖区01东城区…`: the file's `format` says how (build/scripts/build-regions.mjs writes it). */
const DIVISION = /([#*]?)(\d+)([^\d#*]+)/gy;

/** The tree from the file's one string; throws on a string that does not follow the format. */
export function decodeDivisions(text: string): Province[] {
  const provinces: {
    code: string;
    name: string;
    cities: { code: string; name: string; counties: Region[] }[];
  }[] = [];
  DIVISION.lastIndex = 0;
  for (let match = DIVISION.exec(text); match !== null; match = DIVISION.exec(text)) {
    const [, mark, digits = '', name = ''] = match;
    const province = provinces.at(-1);
    const city = province?.cities.at(-1);
    if (mark === '#') provinces.push({ code: digits, name, cities: [] });
    else if (mark === '*' && province !== undefined)
      province.cities.push({ code: province.code + digits, name, counties: [] });
    else if (mark === '' && city !== undefined)
      city.counties.push({ code: city.code + digits, name });
    else
      throw new Error(
        `region data: ${name} has no ${mark === '*' ? 'province' : 'city'} before it`,
      );
    if (DIVISION.lastIndex === text.length) return provinces;
  }
  throw new Error(`region data: unreadable at character ${DIVISION.lastIndex}`);
}

interface RegionTable {
  readonly provinces: readonly Province[];
  readonly counties: ReadonlyMap<string, { province: Province; city: City; county: Region }>;
}

let table: RegionTable | null = null;

/**
 * Built on first use, not when the module loads: the screen's first download carries this module,
 * and the home screen needs no region.
 */
function regions(): RegionTable {
  if (table !== null) return table;
  const provinces = decodeDivisions(data.divisions);
  const counties = new Map<string, { province: Province; city: City; county: Region }>();
  for (const province of provinces) {
    for (const city of province.cities) {
      for (const county of city.counties) counties.set(county.code, { province, city, county });
    }
  }
  table = { provinces, counties };
  return table;
}

/** Every province, in GB/T 2260 order, with its cities and their counties. */
export const allProvinces = (): readonly Province[] => regions().provinces;

export const isCountyCode = (code: string): boolean => regions().counties.has(code);

/** 北京市朝阳区 / 广东省广州市越秀区: the county's full name, skipping 市辖区 placeholders. */
export function regionName(code: string): string | null {
  const found = regions().counties.get(code);
  if (found === undefined) return null;
  const city = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(found.city.name)
    ? ''
    : found.city.name;
  return `${found.province.name}${city}${found.county.name}`;
}

/** '11' for 北京市: the GB/T 2260 province a county code (or a station code starting with one) lies in; '' when none. */
export function provinceOf(code: string | null): string {
  const province = code?.slice(0, 2) ?? '';
  return allProvinces().some((p) => p.code === province) ? province : '';
}

/** The county an ID card address starts with ("北京市朝阳区示例路…" → 110105), if it names one plainly. */
export function regionFromAddress(address: string): string | null {
  for (const province of allProvinces()) {
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
