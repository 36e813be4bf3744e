import { describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import {
  applicationNoSchema,
  newApplicationNumber,
  parseApplicationNumber,
} from '../../../core/ids';

const pick = (size: number): number => randomInt(size);

describe('application numbers', () => {
  it('carry the day, six unambiguous characters and a check character', () => {
    const number = newApplicationNumber('2026-11-27', pick);
    expect(number).toMatch(/^20261127-[0-9A-HJKMNP-TV-Z]{6}-[0-9A-HJKMNP-TV-Z]$/);
    expect(parseApplicationNumber(number)).toBe(number);
    expect(applicationNoSchema.safeParse(number).success).toBe(true);
  });

  it('accept what a citizen types: lower case, spaces, O for 0', () => {
    const number = newApplicationNumber('2026-11-27', pick);
    const typed = number.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    expect(parseApplicationNumber(typed)).toBe(number);
  });

  it('catch a single mistyped character', () => {
    const number = newApplicationNumber('2026-11-27', pick);
    const body = number.replaceAll('-', '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let caught = 0;
    for (let i = 8; i < 14; i += 1) {
      const swapped = alphabet[(alphabet.indexOf(body[i]!) + 1) % alphabet.length]!;
      const wrong = `${body.slice(0, i)}${swapped}${body.slice(i + 1)}`;
      if (parseApplicationNumber(wrong) === null) caught += 1;
    }
    expect(caught).toBe(6);
  });
});
