import { describe, expect, it } from 'vitest';
import { coreText, format, joinList, pick } from '../../../core/i18n';
import boCore from '../../../core/i18n/bo.json';
import ugCore from '../../../core/i18n/ug.json';
import { formatClock, formatDate, formatDayOfWeek } from '../../../base/text-format';
import boRenderer from '../../../renderer/i18n/bo.json';
import ugRenderer from '../../../renderer/i18n/ug.json';
import { loadCatalogs, translate } from '../../../renderer/i18n';
import coreEn from '../../../core/i18n/en.json';
import coreZh from '../../../core/i18n/zh-CN.json';
import en from '../../../renderer/i18n/en.json';
import zhCN from '../../../renderer/i18n/zh-CN.json';

const catalogs = [
  { name: 'renderer', zh: zhCN as Record<string, string>, en: en as Record<string, string> },
  { name: 'core', zh: coreZh as Record<string, string>, en: coreEn as Record<string, string> },
];

describe.each(catalogs)('i18n catalogs ($name)', ({ zh, en }) => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('have no empty message', () => {
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)])
      expect(value.trim(), key).not.toBe('');
  });
  it('use the same placeholders on both sides', () => {
    // `{n}` and ICU's `{n, plural, …}` name the same value.
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(zh)) {
      expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(zh[key] ?? ''));
    }
  });
});

describe('one catalog per word', () => {
  it('never defines a key in both the renderer and core', () => {
    const shared = Object.keys(zhCN).filter((key) => Object.hasOwn(coreZh, key));
    expect(shared).toEqual([]);
  });
});

describe('messages that count', () => {
  it('say one and many the English way, through the language’s plural rules', () => {
    expect(translate('en', 'materials.copies', { copies: 1 })).toBe('1 copy');
    expect(translate('en', 'materials.copies', { copies: 2 })).toBe('2 copies');
    expect(translate('en', 'staff.wrongPin', { n: 1 })).toBe('Wrong PIN; 1 more try');
    expect(translate('en', 'queue.syncScheduled', { n: 1 })).toBe(
      '1 application will be sent now.',
    );
    expect(coreText('en', 'timeLimit.days', { days: 1 })).toBe('1 working day');
    expect(coreText('en', 'timeLimit.days', { days: 20 })).toBe('20 working days');
  });

  it('leave Chinese as written, where nothing changes with the number', () => {
    expect(translate('zh-CN', 'materials.copies', { copies: 1 })).toBe(
      zhCN['materials.copies'].replace('{copies}', '1'),
    );
  });

  it('show a missing value as its placeholder rather than a blank', () => {
    expect(format('en', '{n, plural, one {# copy} other {# copies}}', {})).toContain('{n');
    expect(format('en', 'Step {current}', {})).toBe('Step {current}');
  });
});

describe.each([
  { language: 'ug', renderer: ugRenderer, core: ugCore },
  { language: 'bo', renderer: boRenderer, core: boCore },
] as const)('the $language catalogs (partial: Chinese shows for what they leave out)', (c) => {
  const pairs = [
    { zh: zhCN as Record<string, string>, own: c.renderer as Record<string, string> },
    { zh: coreZh as Record<string, string>, own: c.core as Record<string, string> },
  ];
  it('add no key Chinese lacks, and leave no message empty', () => {
    for (const { zh, own } of pairs)
      for (const [key, value] of Object.entries(own)) {
        expect(Object.hasOwn(zh, key), key).toBe(true);
        expect(value.trim(), key).not.toBe('');
      }
  });
  it('use the placeholders the Chinese message uses', () => {
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const { zh, own } of pairs)
      for (const [key, value] of Object.entries(own))
        expect(placeholders(value), key).toEqual(placeholders(zh[key] ?? ''));
  });
  it('cover every line of the slip, and the journey screens a citizen reads', () => {
    expect(Object.keys(c.core).sort()).toEqual(Object.keys(coreZh).sort());
    const journey =
      /^(app|home|category|steps|idcard|takeCard|face|question|errors|materials|review|submit|slip|payment|rating|idle|leave)\./;
    const missing = Object.keys(zhCN).filter(
      (key) => journey.test(key) && !Object.hasOwn(c.renderer, key) && key !== 'home.rulesLastGood',
    );
    expect(missing).toEqual([]);
  });
  it('fill a message once loaded, and fall back to Chinese for one left out', async () => {
    await loadCatalogs([c.language]);
    expect(translate(c.language, 'idle.body', { seconds: 20 })).toBe(
      c.renderer['idle.body'].replace('{seconds}', '20'),
    );
    // The technician's words are not translated: they show in Chinese.
    expect(Object.hasOwn(c.renderer, 'diag.title')).toBe(false);
    expect(translate(c.language, 'diag.title')).toBe(zhCN['diag.title']);
  });
});

describe('rule-file text in Uyghur and Tibetan', () => {
  const text = { 'zh-CN': '姓名变更', en: 'Change of name', ug: 'ئىسىم-فامىلە ئۆزگەرتىش' };
  it('is shown where the file has it, and in Chinese where it does not', () => {
    expect(pick('ug', text)).toBe(text.ug);
    expect(pick('bo', text)).toBe('姓名变更');
  });
  it('lists with each language’s own separators', () => {
    expect(joinList(['A', 'B'], 'ug')).toBe('A، B');
    expect(joinList(['A', 'B'], 'zh-CN')).toBe('A、B');
  });
});

describe('dates in every language, written out (Chromium has no ICU data for Uyghur or Tibetan)', () => {
  it('write the day in each language’s own order', () => {
    expect(formatDate('2026-12-06', 'ug')).toBe('2026-يىلى 12-ئاينىڭ 6-كۈنى');
    expect(formatDate('2026-12-06', 'bo')).toBe('སྤྱི་ལོ་2026 ཟླ་12 ཚེས་6');
  });
  it('name the weekday of China Standard Time, not of the machine', () => {
    // 2026-12-05 20:30 UTC is Sunday 6 December, 04:30 in Beijing.
    const sunday = new Date('2026-12-05T20:30:00Z');
    expect(formatDayOfWeek(sunday, 'ug')).toBe('12-ئاينىڭ 6-كۈنى يەكشەنبە');
    expect(formatDayOfWeek(sunday, 'bo')).toBe('ཟླ་12 ཚེས་6 གཟའ་ཉི་མ།');
    expect(formatDayOfWeek(sunday, 'zh-CN')).toBe('12月6日周日');
    expect(formatDayOfWeek(sunday, 'en')).toBe('Sun, 6 Dec');
  });
  it('keep the header clock on Beijing time with Latin digits, whatever the machine’s zone', () => {
    expect(formatClock(new Date('2026-12-05T20:30:00Z'))).toBe('04:30');
    expect(formatClock(new Date('2026-12-06T15:59:59Z'))).toBe('23:59');
  });
});
