import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root';

/** What a province's catalogue adds to an item's name: 200 distinct items from the shipped 16. */
const VARIANTS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['（省内通办）', ' (within the province)'],
  ['（跨省通办）', ' (across provinces)'],
  ['（加急）', ' (urgent)'],
  ['（补办）', ' (replacement)'],
  ['（代办）', ' (on behalf)'],
  ['（集体户）', ' (collective household)'],
  ['（港澳台居民）', ' (HK, Macao and Taiwan residents)'],
  ['（外国人）', ' (foreign nationals)'],
  ['（军人）', ' (service members)'],
  ['（学生）', ' (students)'],
  ['（老年人）', ' (older people)'],
  ['（残疾人）', ' (people with disabilities)'],
];

interface ServiceFile {
  id: string;
  name: Record<string, string>;
  [field: string]: unknown;
}

/**
 * A rules folder of `count` service items made from the shipped ones (each a
 * real item under another id and a longer name), with the shipped common.json
 * and holiday calendars: what a province's catalogue would load. Returns the
 * folder (give it to a kiosk as KIOSK_RULES_DIR).
 */
export function writeCatalogue(dir: string, count: number): string {
  const shipped = join(projectRoot(), 'rules');
  mkdirSync(join(dir, 'services'), { recursive: true });
  cpSync(join(shipped, 'common.json'), join(dir, 'common.json'));
  cpSync(join(shipped, 'calendar'), join(dir, 'calendar'), { recursive: true });
  const items = readdirSync(join(shipped, 'services'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(shipped, 'services', f), 'utf8')) as ServiceFile);
  for (let i = 0; i < count; i += 1) {
    const item = items[i % items.length];
    const variant = VARIANTS[Math.floor(i / items.length) % VARIANTS.length];
    if (item === undefined || variant === undefined) continue;
    const round = Math.floor(i / items.length);
    const id = round === 0 ? item.id : `${item.id}-v${round}`;
    const name = { ...item.name };
    name['zh-CN'] = `${item.name['zh-CN'] ?? ''}${variant[0]}`;
    name['en'] = `${item.name['en'] ?? ''}${variant[1]}`;
    writeFileSync(
      join(dir, 'services', `${id}.json`),
      JSON.stringify({ ...item, id, name }, null, 2),
    );
  }
  return dir;
}
