import { isRealDate } from '../../base/dates';
/** GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit order, check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? null;
}

export type IdNumberProblem = 'format' | 'check_digit' | 'birth_date';

/** The birth date an ID number carries (digits 7–14), as `YYYY-MM-DD`; real only once the number has passed `checkIdNumber`. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Checks format, birth date (a real calendar date, not in the future) and check character. */
export function checkIdNumber(value: string, today: string): IdNumberProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = birthDateOf(id);
  if (!isRealDate(birth) || birth > today || birth < '1890-01-01') return 'birth_date';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

/** Masks all but the first four and last two characters: 1101************1X. */
export function maskIdNumber(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 6)}${id.slice(-2)}`;
}
