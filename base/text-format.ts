import { todayInChina } from './dates';

/**
 * How values are written for people, shared by the screen and the printed
 * slip so both say the same thing.
 */
export type TextLocale = 'zh-CN' | 'en' | 'ug' | 'bo';

/** ￥120.00 — the full-width yuan sign, as on official receipts (and in GBK). */
export function formatFee(amount: number): string {
  return `￥${amount.toFixed(2)}`;
}

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * 2026年12月8日 / 8 Dec 2026 / 2026-يىلى 12-ئاينىڭ 8-كۈنى / སྤྱི་ལོ་2026 ཟླ་12 ཚེས་8,
 * from `YYYY-MM-DD` without time-zone shifts. Written out here rather than by
 * Intl: Chromium's trimmed ICU data has no Uyghur or Tibetan date patterns
 * (it prints "December 8, 2026" for both), and the slip must read the same on
 * paper as on screen.
 */
export function formatDate(iso: string, locale: TextLocale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || Number.isNaN(d)) return iso;
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`;
  if (locale === 'ug') return `${y}-يىلى ${m}-ئاينىڭ ${d}-كۈنى`;
  if (locale === 'bo') return `སྤྱི་ལོ་${y} ཟླ་${m} ཚེས་${d}`;
  return `${d} ${MONTHS_EN[m - 1] ?? m} ${y}`;
}

/** The instant as China Standard Time, in ISO form (its Z is not true). */
const chinaIso = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3600 * 1000).toISOString();

/**
 * Weekday names, Sunday first (as Date.getDay). Written out for every language, not asked
 * of Intl: Chromium's ICU data lacks Uyghur and Tibetan, and the first Intl date formatter a
 * page makes costs ~20 ms of the home screen's first render (its time-zone data load).
 */
const WEEKDAYS: Record<TextLocale, readonly string[]> = {
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ug: ['يەكشەنبە', 'دۈشەنبە', 'سەيشەنبە', 'چارشەنبە', 'پەيشەنبە', 'جۈمە', 'شەنبە'],
  bo: ['གཟའ་ཉི་མ།', 'གཟའ་ཟླ་བ།', 'གཟའ་མིག་དམར།', 'གཟའ་ལྷག་པ།', 'གཟའ་ཕུར་བུ།', 'གཟའ་པ་སངས།', 'གཟའ་སྤེན་པ།'],
};

/** The header's date, "12月6日周日" / "Sun, 6 Dec" / "12-ئاينىڭ 6-كۈنى يەكشەنبە", in China Standard Time. */
export function formatDayOfWeek(instant: Date, locale: TextLocale): string {
  const today = todayInChina(instant);
  const [, m = 0, d = 0] = today.split('-').map(Number);
  const weekday = WEEKDAYS[locale][new Date(`${today}T00:00:00Z`).getUTCDay()] ?? '';
  if (locale === 'zh-CN') return `${m}月${d}日${weekday}`;
  if (locale === 'ug') return `${m}-ئاينىڭ ${d}-كۈنى ${weekday}`;
  if (locale === 'bo') return `ཟླ་${m} ཚེས་${d} ${weekday}`;
  return `${weekday}, ${d} ${MONTHS_EN[m - 1] ?? m}`;
}

/** The header's clock, 09:05, in China Standard Time; digits and a colon read the same in every language. */
export function formatClock(instant: Date): string {
  return chinaIso(instant).slice(11, 16);
}

/** A timestamp as China Standard Time (UTC+8, no daylight saving), still in ISO form. */
const chinaTime = (isoTimestamp: string): string => chinaIso(new Date(isoTimestamp));

/** Date and minute in China Standard Time. */
export function formatDateTime(isoTimestamp: string, locale: TextLocale): string {
  const shifted = chinaTime(isoTimestamp);
  return `${formatDate(shifted.slice(0, 10), locale)} ${shifted.slice(11, 16)}`;
}

/** 10:00:00.123 in China Standard Time, as the header's clock: for the technicians' frame log. */
export function formatClockMs(isoTimestamp: string): string {
  return chinaTime(isoTimestamp).slice(11, 23);
}

/** 王晓明 → 王*明 ; 欧阳小龙 → 欧**龙 (code points, so rare characters stay whole). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * A value set apart (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE) from the
 * words around it: after a Uyghur label, a phone number would otherwise read backwards
 * (010-00000000 → 00000000-010, Unicode's rule W2), and Chinese with its brackets keeps its order.
 */
export const isolated = (value: string): string => `\u2068${value}\u2069`;
