import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerScripts, measureEagerJs } from '../../../build/scripts/bundle-budget';

/** Bytes gzip cannot shrink, from a fixed-seed generator (the test means the same every run). */
function noise(length: number, seed = 20261202): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function renderer(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, bytes] of Object.entries(files))
    writeFileSync(join(dir, 'assets', name), bytes);
  writeFileSync(
    join(dir, 'index.html'),
    '<script type="module" crossorigin src="/assets/index.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/vendor.js">',
  );
  return dir;
}

describe('the renderer eager JavaScript budget (npm run check:bundle)', () => {
  it('counts the module entry and the chunks index.html preloads, not the lazy ones', () => {
    expect(
      eagerScripts(
        '<script type="module" crossorigin src="/assets/index-a.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/react-b.js"><link rel="stylesheet" href="/assets/x.css">',
      ),
    ).toEqual(['/assets/index-a.js', '/assets/react-b.js']);
  });

  it('passes a renderer within the budget and fails one that outgrew it', () => {
    const small = renderer({ 'index.js': noise(100 * 1024), 'vendor.js': noise(50 * 1024, 7) });
    const report = measureEagerJs(small);
    expect(report.files.map((f) => f.path)).toEqual(['/assets/index.js', '/assets/vendor.js']);
    expect(report.totalGzipBytes).toBeGreaterThan(150 * 1024);
    expect(report.withinBudget).toBe(true);

    const heavy = renderer({ 'index.js': noise(200 * 1024), 'vendor.js': noise(80 * 1024, 7) });
    expect(measureEagerJs(heavy).withinBudget).toBe(false);
  });

  it('refuses zod in the first download, and finds it only where it is', () => {
    const withZod = renderer({
      'index.js': Buffer.from('const a=1;'),
      'vendor.js': Buffer.from('var Q=$constructor("ZodObject",(e,t)=>{});'),
    });
    expect(measureEagerJs(withZod).withZod).toEqual(['/assets/vendor.js']);
    const without = renderer({
      'index.js': Buffer.from('const ZodObjectLike=1;'),
      'vendor.js': Buffer.from('const b=2;'),
    });
    expect(measureEagerJs(without).withZod).toEqual([]);
  });
});
