import { serviceId } from '../service-id';
import { performance } from 'node:perf_hooks';
import { searchServices } from '../../core/service-search';
import { searchKeysOf } from '../../rules/engine/search-keys';
import { shippedRules } from '../shipped-rules';
import { percentile } from './stats';

/** Words a province's catalogue adds to its item names, to make 200 distinct items from the shipped 16. */
const VARIANTS = [
  '',
  '（省内通办）',
  '（跨省通办）',
  '（加急）',
  '（补办）',
  '（代办）',
  '（集体户）',
  '（港澳台居民）',
  '（外国人）',
  '（军人）',
  '（学生）',
  '（老年人）',
  '（残疾人）',
];

/**
 * The home screen's search with a catalogue of 200 items: the keys the main
 * process computes once (全拼, 拼音首字母) and each keystroke's match, typed
 * letter by letter as a citizen would ("h", "hz", …).
 */
export function benchSearch(): void {
  const shipped = shippedRules();
  const catalogue = Array.from({ length: 200 }, (_, i) => {
    const rule = shipped[i % shipped.length]!;
    const variant = VARIANTS[Math.floor(i / shipped.length) % VARIANTS.length] ?? '';
    return {
      ...rule,
      id: serviceId(`${rule.id}-${i}`),
      name: { ...rule.name, 'zh-CN': `${rule.name['zh-CN']}${variant}` },
    };
  });
  let start = performance.now();
  const items = catalogue.map((rule) => ({ id: rule.id, searchKeys: searchKeysOf(rule) }));
  const keysMs = performance.now() - start;
  const keystrokes: number[] = [];
  let found = 0;
  for (let round = 0; round < 20; round += 1)
    for (const word of ['huzhao', 'hz', 'jsz', 'txzqz', 'hukou', 'jzz', '护照', 'wfzjl']) {
      for (let n = 1; n <= word.length; n += 1) {
        start = performance.now();
        found = searchServices(items, word.slice(0, n)).length;
        keystrokes.push(performance.now() - start);
      }
    }
  keystrokes.sort((a, b) => a - b);
  const p95 = percentile(keystrokes, 95);
  console.log(
    `search (200 items): keys computed in ${keysMs.toFixed(0)} ms at start; a keystroke's match p50 ${(percentile(keystrokes, 50) * 1000).toFixed(0)} µs, p95 ${(p95 * 1000).toFixed(0)} µs (goal ≤ 50 ms${p95 > 50 ? ': MISSED' : ''}) over ${keystrokes.length} keystrokes; last query found ${found}`,
  );
}
