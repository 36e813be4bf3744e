import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facesFor, parseFontFaces, parseUnicodeRange } from '../../../build/vite/font-slices';
import { homeText } from '../../../build/vite/preload-home-fonts';

const ROOT = join(__dirname, '..', '..', '..');
const stylesheet = (weight: string): string =>
  readFileSync(join(ROOT, 'node_modules', '@fontsource', 'noto-sans-sc', `${weight}.css`), 'utf8');

const CSS = `
/* a */
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 400;
  src: url(./files/x-1-400-normal.woff2) format('woff2'), url(./files/x-1-400-normal.woff) format('woff');
  unicode-range: U+4e00-4e0f,U+3002;
}
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/x-2-700-normal.woff2) format('woff2');
  unicode-range: U+597d;
}`;

describe('the font slices preloaded for the home screen', () => {
  it('reads unicode ranges, single code points among them', () => {
    expect(parseUnicodeRange('U+4e00-4e0f, U+3002')).toEqual([
      [0x4e00, 0x4e0f],
      [0x3002, 0x3002],
    ]);
  });

  it('picks the faces whose range holds a character of the text, and no other', () => {
    const faces = parseFontFaces(CSS);
    expect(faces.map((f) => [f.file, f.weight])).toEqual([
      ['x-1-400-normal.woff2', 400],
      ['x-2-700-normal.woff2', 700],
    ]);
    expect(facesFor('好', faces)).toEqual(['x-2-700-normal.woff2']);
    expect(facesFor('一。', faces)).toEqual(['x-1-400-normal.woff2']);
    expect(facesFor('  ', faces)).toEqual([]);
  });

  it('covers every character of the home heading in bold, with a small share of the slices', () => {
    const faces = ['400', '700'].flatMap((weight) => parseFontFaces(stylesheet(weight)));
    const text = homeText(ROOT);
    expect(text).toContain('您好！请选择要办理的业务');
    const chosen = new Set(facesFor(text, faces));
    const bold = faces.filter((f) => f.weight === 700);
    for (const ch of '您好请选择要办理的业务身份证护照') {
      const p = ch.codePointAt(0)!;
      const holder = bold.find((f) => f.ranges.some(([from, to]) => p >= from && p <= to));
      expect(holder && chosen.has(holder.file), ch).toBe(true);
    }
    // Preloading is worth it only while it is a few slices, not the whole typeface.
    expect(chosen.size).toBeLessThan(faces.length / 4);
  });
});
