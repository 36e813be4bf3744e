import { LAYOUTS, TEXT_BLOCK_BYTES } from '../idcard/text-block';
import type { IdentityKind } from '../../../core/identity';

/** Field values exactly as a card stores them (codes, YYYYMMDD dates, "长期"). */
export type CardFields = Readonly<Partial<Record<string, string>>>;

const MARKERS: Record<IdentityKind, string> = {
  resident: ' ',
  hmt: 'J',
  foreigner2017: 'I',
  foreigner2023: 'Y',
};

/** Builds a 256-byte UCS-2LE text block, space-padded, the way a card's chip holds it. */
export function encodeTextBlock(kind: IdentityKind, fields: CardFields): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_BYTES);
  for (let i = 0; i < TEXT_BLOCK_BYTES; i += 2) block[i] = 0x20;
  const layout: Record<string, readonly [number, number]> = LAYOUTS[kind];
  const put = (offset: number, length: number, text: string): void => {
    const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    units.slice(0, length / 2).forEach((unit, i) => {
      block[offset + i * 2] = unit & 0xff;
      block[offset + i * 2 + 1] = unit >> 8;
    });
  };
  for (const [name, value] of Object.entries(fields)) {
    const at = layout[name];
    if (at === undefined || value === undefined) continue;
    put(at[0], at[1], value);
  }
  put(248, 2, MARKERS[kind]);
  return block;
}
