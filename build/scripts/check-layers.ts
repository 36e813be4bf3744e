/**
 * `npm run check:layers`: the layer rules of .dependency-cruiser.cjs hold on the
 * whole repository, and each of them still fires on its planted violation
 * (build/layers/must-fail.ts). A rule nobody planted a violation for fails too.
 */
import type { ICruiseResult, IViolation } from 'dependency-cruiser';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mustFail, type PlantedViolation } from '../layers/must-fail';

const root = join(__dirname, '..', '..');
const FOLDERS = ['base', 'core', 'electron', 'renderer', 'rules', 'tests', 'build'];

const describe = (v: IViolation): string =>
  `${v.rule.name}: ${v.from} → ${v.to}${v.via === undefined ? '' : ` (via ${v.via.map((m) => m.name).join(' → ')})`}`;

async function main(): Promise<number> {
  const started = performance.now();
  process.chdir(root);
  // dependency-cruiser is ESM with top-level await: imported, not bundled (run-ts writes CommonJS).
  const { cruise } = await import('dependency-cruiser');
  const { default: extractDepcruiseOptions } =
    await import('dependency-cruiser/config-utl/extract-depcruise-options');
  const { default: extractTSConfig } =
    await import('dependency-cruiser/config-utl/extract-ts-config');
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const tsConfig = extractTSConfig('tsconfig.json');
  const run = async (files: string[]): Promise<IViolation[]> => {
    const { output } = await cruise(files, options, {}, { tsConfig });
    return (output as ICruiseResult).summary.violations.filter((v) => v.rule.severity === 'error');
  };

  const problems: string[] = [];
  for (const violation of await run(FOLDERS)) problems.push(describe(violation));

  const ruleNames = (options.ruleSet?.forbidden ?? []).map((r) => r.name ?? '(unnamed)');
  for (const name of ruleNames.filter((n) => !mustFail.some((p) => p.rule === n)))
    problems.push(
      `${name}: no planted violation in build/layers/must-fail.ts, so nothing shows it can fire`,
    );
  for (const plant of mustFail) {
    if (!ruleNames.includes(plant.rule)) {
      problems.push(`${plant.rule}: planted in must-fail.ts, but no such rule`);
      continue;
    }
    const fired = await withPlanted(plant, () => run(plant.files.map((f) => f.path)));
    if (!fired.some((v) => v.rule.name === plant.rule))
      problems.push(
        `${plant.rule}: did NOT fire on its planted violation (${plant.files[0]?.path})`,
      );
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    for (const line of problems) console.error(`✘ ${line}`);
    console.error(`check:layers: ${problems.length} problem(s) in ${seconds} s`);
    return 1;
  }
  console.log(
    `✔ check:layers: no violation in ${FOLDERS.join(', ')}; each of ${ruleNames.length} rules fired on its planted violation (${seconds} s)`,
  );
  return 0;
}

/** Writes the planted files, runs `check`, and removes them (and folders it made) whatever happens. */
async function withPlanted<T>(plant: PlantedViolation, check: () => Promise<T>): Promise<T> {
  const made: string[] = [];
  try {
    for (const file of plant.files) {
      if (existsSync(file.path)) throw new Error(`${file.path} exists: refusing to overwrite it`);
      let top = dirname(file.path);
      while (!existsSync(dirname(top))) top = dirname(top);
      if (!existsSync(top)) {
        mkdirSync(dirname(file.path), { recursive: true });
        made.push(top);
      }
      writeFileSync(file.path, file.source);
      made.push(file.path);
    }
    return await check();
  } finally {
    for (const path of made.reverse()) rmSync(path, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
