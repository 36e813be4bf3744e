/**
 * How values are written for people, shared by the screen and the printed
 * slip so both say the same thing.
 */
export type TextLocale = 'zh-CN' | 'en';

/** ￥120.00 — the full-width yuan sign, as on official receipts (and in GBK). */
export function formatFee(amount: number): string {
  return `￥${amount.toFixed(2)}`;
}

/** 2026年12月8日 / 8 Dec 2026, from `YYYY-MM-DD` without time-zone shifts. */
export function formatDate(iso: string, locale: TextLocale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || Number.isNaN(d)) return iso;
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`;
  const month = [
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
  ][m - 1];
  return `${d} ${month ?? m} ${y}`;
}

/** A timestamp as China Standard Time (UTC+8, no daylight saving), still in ISO form. */
const chinaTime = (isoTimestamp: string): string =>
  new Date(new Date(isoTimestamp).getTime() + 8 * 3600 * 1000).toISOString();

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
