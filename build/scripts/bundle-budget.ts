import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The renderer JavaScript a kiosk must fetch and run before the first screen, gzip: the README states it. */
export const EAGER_JS_BUDGET_BYTES = 250 * 1024;

/** The scripts index.html loads at once: its module entry and the chunks it preloads. */
export function eagerScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g))
    found.push(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g))
    found.push(match[1]!);
  return found;
}

export interface BundleReport {
  readonly files: readonly { readonly path: string; readonly gzipBytes: number }[];
  readonly totalGzipBytes: number;
  readonly withinBudget: boolean;
  /**
   * Eager files that carry zod. Schemas are the main process's: the renderer gets checked values
   * over the contract, and building a rule file's schemas cost ~50 ms of every start-up
   * (a rating's words and a picture's size now come from zod-free files).
   */
  readonly withZod: readonly string[];
}

/** zod names its classes with strings that minifying keeps (`$constructor("ZodObject", …)`). */
const ZOD_MARK = /["'`]ZodObject["'`]/;

/** Measures the eager scripts of a built renderer (`dist/renderer`) against the budget. */
export function measureEagerJs(rendererDir: string, budget = EAGER_JS_BUDGET_BYTES): BundleReport {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const read = (src: string): Buffer => readFileSync(join(rendererDir, src.replace(/^\//, '')));
  const scripts = eagerScripts(html);
  const files = scripts.map((src) => ({
    path: src,
    gzipBytes: gzipSync(read(src), { level: 9 }).length,
  }));
  const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const withZod = scripts.filter((src) => ZOD_MARK.test(read(src).toString('utf8')));
  return { files, totalGzipBytes, withinBudget: totalGzipBytes <= budget, withZod };
}
