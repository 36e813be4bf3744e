import { z } from 'zod';

/*
 * Domain ids as branded strings: an application number cannot be passed where
 * a service id is expected, and a value only becomes one through its schema or
 * the function that makes it.
 */

export { serviceIdSchema, type ServiceId } from '../rules/engine/schema';

export const sessionIdSchema = z.string().min(1).max(64).brand<'SessionId'>();
export type SessionId = z.output<typeof sessionIdSchema>;

/** `YYYYMMDD-XXXXXX-C`; see `newApplicationNumber`. */
export const applicationNoSchema = z
  .string()
  .regex(/^\d{8}-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]$/)
  .brand<'ApplicationNo'>();
export type ApplicationNo = z.output<typeof applicationNoSchema>;

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

/** A uniform pick in `0 … size-1`: `crypto.randomInt` in the main process, seeded in tests. */
export type PickIndex = (size: number) => number;

/**
 * `YYYYMMDD-XXXXXX-C`: the day, six random characters and a check character
 * that catches a mistyped character when a citizen types the number in.
 */
export function newApplicationNumber(day: string, pick: PickIndex): ApplicationNo {
  const random = Array.from({ length: 6 }, () => ALPHABET[pick(ALPHABET.length)]).join('');
  const body = `${day.replaceAll('-', '')}${random}`;
  return `${body.slice(0, 8)}-${body.slice(8)}-${checkChar(body)}` as ApplicationNo;
}

/** What a slip's QR code holds: a lookup reference, nothing personal. */
export const SLIP_QR_PREFIX = 'GAKIOSK:';

export const slipQrText = (applicationNo: ApplicationNo): string =>
  `${SLIP_QR_PREFIX}${applicationNo}`;

/**
 * Normalizes what a citizen typed (lower case, spaces, O for 0) or what a
 * scanner read from a slip's QR code, and checks the check character.
 */
export function parseApplicationNumber(input: string): ApplicationNo | null {
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
  return `${body.slice(0, 8)}-${body.slice(8)}-${cleaned[14]}` as ApplicationNo;
}
