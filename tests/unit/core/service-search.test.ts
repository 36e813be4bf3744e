import { describe, expect, it } from 'vitest';
import { searchServices } from '../../../core/service-search';
import { searchKeysOf } from '../../../rules/engine/search-keys';
import { shippedRules } from '../../shipped-rules';

const items = shippedRules().map((rule) => ({
  id: rule.id,
  name: rule.name['zh-CN'],
  searchKeys: searchKeysOf(rule),
}));
const names = (query: string) => searchServices(items, query).map((i) => i.name);

describe('搜索业务 on the home screen', () => {
  it('finds 护照 by its initials, its full pinyin and its characters', () => {
    // 护照 comes before 换证 (also h…z…), which is further into its names.
    expect(names('hz')).toEqual([
      '普通护照首次申请',
      '普通护照换发补发',
      '驾驶证延期换证',
      '机动车驾驶证期满换证',
    ]);
    expect(names('huzhao')).toEqual(['普通护照首次申请', '普通护照换发补发']);
    expect(names('护照')).toEqual(['普通护照首次申请', '普通护照换发补发']);
  });

  it('reads polyphones in their words: 通行证 is tongxingzheng, so txz finds both permits', () => {
    const permit = items.find((i) => i.name === '往来港澳通行证申请');
    expect(permit?.searchKeys.full).toBe('wanglaigangaotongxingzhengshenqing');
    expect(names('txz')).toEqual(['往来港澳通行证签注', '往来港澳通行证申请']);
  });

  it('puts a name that starts with the letters first; an empty query shows everything; nonsense finds nothing', () => {
    expect(names('jsz')).toEqual([
      '驾驶证延期换证',
      '驾驶证遗失补领',
      '机动车驾驶证期满换证',
      '申请注销驾驶证',
    ]);
    expect(names('zz')[0]).toBe('暂住登记');
    // Many places call it 居住登记: the summary says so, and the Chinese search reads it.
    expect(names('居住登记')).toEqual(['暂住登记']);
    expect(names('')).toHaveLength(items.length);
    expect(names('qqqq')).toEqual([]);
    expect(names('HZ')).toEqual(names('hz'));
  });
});
