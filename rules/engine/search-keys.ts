import { pinyin } from 'pinyin-pro';
import type { ServiceRule } from './schema';

/**
 * What the home screen's search matches an item by: its Chinese name and
 * summary, the name's 全拼 and 拼音首字母 ("hz" finds 护照). Computed once in the
 * main process (pinyin-pro's dictionary stays out of the renderer's first
 * load); the renderer matches with core/service-search.ts.
 */
export interface SearchKeys {
  /** The name's pinyin without tones or spaces, ü as v: 普通护照首次申请 → putonghuzhaoshoucishenqing. */
  readonly full: string;
  /** The first letter of each syllable: ptthzscsq. */
  readonly initials: string;
  /** The Chinese words a citizen may type or say: the name, the summary, the category. */
  readonly text: string;
}

export function searchKeysOf(rule: ServiceRule): SearchKeys {
  const name = rule.name['zh-CN'];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s !== '');
  return {
    full: syllables.join(''),
    initials: syllables.map((s) => s[0] ?? '').join(''),
    text: `${name} ${rule.summary['zh-CN']} ${rule.category}`,
  };
}
