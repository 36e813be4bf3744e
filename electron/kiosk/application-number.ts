import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a number read aloud or typed is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const value = ALPHABET.indexOf(body[i] ?? '0');
    sum += (value < 0 ? 0 : value) * (i + 1);
  }
  return ALPHABET[sum % ALPHABET.length] ?? '0';
}

/**
 * `YYYYMMDD-XXXXXX-C`: the day, six random characters and a check character
 * that catches a mistyped character when a citizen types the number in.
 */
export function newApplicationNumber(day: string): string {
  const random = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const body = `${day.replaceAll('-', '')}${random}`;
  return `${body.slice(0, 8)}-${body.slice(8)}-${checkChar(body)}`;
}

/** What a slip's QR code holds: a lookup reference, nothing personal. */
export const SLIP_QR_PREFIX = 'GAKIOSK:';

export const slipQrText = (applicationNo: string): string => `${SLIP_QR_PREFIX}${applicationNo}`;

/**
 * Normalizes what a citizen typed (lower case, spaces, O for 0) or what a
 * scanner read from a slip's QR code, and checks the check character.
 */
export function parseApplicationNumber(input: string): string | null {
  const trimmed = input.trim();
  const withoutPrefix = trimmed.toUpperCase().startsWith(SLIP_QR_PREFIX)
    ? trimmed.slice(SLIP_QR_PREFIX.length)
    : trimmed;
  const cleaned = withoutPrefix
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^\d{8}[0-9A-Z]{7}$/.test(cleaned)) return null;
  const body = cleaned.slice(0, 14);
  if (checkChar(body) !== cleaned[14]) return null;
  return `${body.slice(0, 8)}-${body.slice(8)}-${cleaned[14]}`;
}
