import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * The suite's time budget per project (README, "Tests"): what one round may
 * take on 2 cores. The run prints each project's wall-clock span against it.
 */
export const BUDGET_SECONDS: Readonly<Record<string, number>> = {
  unit: 120,
  integration: 240,
  e2e: 720,
};

const clockTime = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};

/**
 * Ends every run with the lines CI reads: each project's time against its
 * budget and its slowest files, then `N passed, N failed, N skipped`.
 */
export default class SummaryReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly ended = new Map<string, number>();

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.ended.set(module.moduleId, performance.now());
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const projects = new Map<string, { files: TestModule[]; from: number; to: number }>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that failed to load has no tests but is still a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      const name = module.project.name;
      const from = this.started.get(module.moduleId);
      const to = this.ended.get(module.moduleId);
      if (from === undefined || to === undefined) continue;
      const project = projects.get(name) ?? { files: [], from, to };
      project.files.push(module);
      project.from = Math.min(project.from, from);
      project.to = Math.max(project.to, to);
      projects.set(name, project);
    }
    const lines = [...projects.entries()].map(([name, { files, from, to }]) => {
      const budget = BUDGET_SECONDS[name];
      const span = to - from;
      const slowest = [...files]
        .sort((a, b) => b.diagnostic().duration - a.diagnostic().duration)
        .slice(0, 3)
        .map((m) => `${relative(process.cwd(), m.moduleId)} ${clockTime(m.diagnostic().duration)}`)
        .join(', ');
      const verdict =
        budget === undefined
          ? ''
          : ` (budget ${clockTime(budget * 1000)}${span > budget * 1000 ? ': OVER' : ''})`;
      return `time ${name}: ${files.length} files in ${clockTime(span)}${verdict}; slowest ${slowest}`;
    });
    process.stdout.write(
      `\n${lines.join('\n')}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`,
    );
  }
}
