import { isRealDate } from '../../../base/dates';
import { checkIdNumber } from '../../../rules/engine/id-number';
import { err, ok, type Result } from '../../../core/result';
import type { Identity, Sex } from '../../../core/identity';
import { NATIONS } from './nations';

/**
 * The 256-byte text block of a card read, UCS-2LE padded with spaces. The
 * character at byte 248 says which layout it is (docs/DEVICES.md §1).
 */
export const TEXT_BLOCK_BYTES = 256;

/** [byte offset, byte length] of each field, per layout. */
// prettier-ignore
export const LAYOUTS = {
  resident: {
    name: [0, 30], sex: [30, 2], nation: [32, 4], birth: [36, 16], address: [52, 70],
    idNumber: [122, 36], issuer: [158, 30], validFrom: [188, 16], validTo: [204, 16],
  },
  hmt: {
    name: [0, 30], sex: [30, 2], birth: [36, 16], address: [52, 70], idNumber: [122, 36],
    issuer: [158, 30], validFrom: [188, 16], validTo: [204, 16], travelPermit: [220, 18],
    issueCount: [238, 4], type: [248, 2],
  },
  foreigner2017: {
    nameEn: [0, 120], sex: [120, 2], idNumber: [122, 30], nationality: [152, 6], name: [158, 30],
    validFrom: [188, 16], validTo: [204, 16], birth: [220, 16], version: [236, 4],
    authority: [240, 8], type: [248, 2],
  },
  foreigner2023: {
    name: [0, 30], sex: [30, 2], renewals: [32, 4], birth: [36, 16], nameEn: [52, 70],
    idNumber: [122, 36], validFrom: [188, 16], validTo: [204, 16], nameEnMore: [220, 22],
    nationality: [242, 6], type: [248, 2], previous: [250, 6],
  },
} as const satisfies Record<Identity['kind'], Record<string, readonly [number, number]>>;

const decoder = new TextDecoder('utf-16le');

const rawField = (block: Uint8Array, [offset, length]: readonly [number, number]): string =>
  decoder.decode(block.subarray(offset, offset + length));

/** Drops the padding cards use: spaces, and NULs on some readers' blank fields. */
function trimPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(0, end).trim();
}

const field = (block: Uint8Array, at: readonly [number, number]): string =>
  trimPadding(rawField(block, at));

function sexFromCode(code: string): Sex {
  switch (code) {
    case '1':
      return 'male';
    case '2':
      return 'female';
    case '9':
      return 'unstated';
    default:
      // Unknown is not female: '0' and anything unreadable stay unknown.
      return 'unknown';
  }
}

function isoFromCard(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return isRealDate(iso) ? iso : null;
}

export type TextBlockProblem = 'short_block' | 'bad_date' | 'bad_id_number' | 'unknown_layout';

/**
 * Parses a text block into an identity. `today` bounds the birth date check
 * inside the ID number. Fails (rather than guessing) when the card data is
 * not what the layout promises.
 */
export function parseTextBlock(block: Uint8Array, today: string): Result<Identity> {
  if (block.length < TEXT_BLOCK_BYTES) {
    return err('short_block', `text block is ${block.length} bytes, expected ${TEXT_BLOCK_BYTES}`);
  }
  const marker = decoder.decode(block.subarray(248, 250));
  const kind =
    marker === 'J'
      ? 'hmt'
      : marker === 'I'
        ? 'foreigner2017'
        : marker === 'Y'
          ? 'foreigner2023'
          : null;
  if (kind === null && marker !== ' ' && marker !== '\u0000') {
    return err('unknown_layout', `unknown card type marker U+${marker.charCodeAt(0).toString(16)}`);
  }
  const layoutKind = kind ?? 'resident';
  const layout: Record<string, readonly [number, number]> = LAYOUTS[layoutKind];
  const get = (name: string): string => {
    const at = layout[name];
    return at === undefined ? '' : field(block, at);
  };
  const raw = (name: string): string => {
    const at = layout[name];
    return at === undefined ? '' : rawField(block, at);
  };

  const birthDate = isoFromCard(get('birth'));
  const validFrom = isoFromCard(get('validFrom'));
  const validToRaw = get('validTo');
  const validTo = validToRaw.startsWith('长期') ? '长期' : isoFromCard(validToRaw);
  if (birthDate === null || validFrom === null || validTo === null) {
    return err('bad_date', 'a date on the card is not a real YYYYMMDD date');
  }

  const idNumber = get('idNumber');
  // The 2017 foreigner card carries a 15-character permit number without a GB 11643 check.
  if (layoutKind !== 'foreigner2017' && checkIdNumber(idNumber, today) !== null) {
    return err('bad_id_number', 'the ID number on the card fails the GB 11643 check');
  }

  // The 2023 card splits a long English name at a fixed byte boundary, possibly mid-word:
  // join the raw halves, then trim.
  const nameEn = trimPadding(`${raw('nameEn')}${raw('nameEnMore')}`);
  const name = get('name') || nameEn;
  const optional = (value: string): string | undefined => (value === '' ? undefined : value);

  return ok({
    kind: layoutKind,
    name,
    nameEn: optional(nameEn),
    sex: sexFromCode(get('sex')),
    nation: layoutKind === 'resident' ? (NATIONS[get('nation')] ?? undefined) : undefined,
    nationality: optional(get('nationality')),
    travelPermitNumber: optional(get('travelPermit')),
    birthDate,
    address: optional(get('address')),
    idNumber,
    issuer: optional(get('issuer') || get('authority')),
    validFrom,
    validTo,
    hasPhoto: false,
  });
}
