/**
 * Receipt columns as the printer counts them: a CJK (or full-width) character
 * takes two columns, ASCII one. `.length` is wrong for both 𠮷 and 中.
 */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x1100) return 1;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  ) {
    return 2;
  }
  return 1;
}

export const displayWidth = (text: string): number =>
  Array.from(text).reduce((sum, char) => sum + charWidth(char), 0);

/**
 * Breaks text into lines of at most `columns`, never splitting a character,
 * preferring to break ASCII at spaces. Existing newlines are kept.
 */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    const chars = Array.from(paragraph);
    for (let i = 0; i < chars.length; i += 1) {
      const char = chars[i] ?? '';
      const w = charWidth(char);
      if (width + w > columns) {
        // Move a trailing partial ASCII word down to the next line when it fits there.
        const space = line.lastIndexOf(' ');
        if (w === 1 && char !== ' ' && space > 0 && /^[\x21-\x7e]+$/.test(line.slice(space + 1))) {
          lines.push(line.slice(0, space));
          line = line.slice(space + 1);
          width = displayWidth(line);
        } else {
          lines.push(line);
          line = '';
          width = 0;
        }
        if (char === ' ' && line === '') continue;
      }
      line += char;
      width += w;
    }
    lines.push(line);
  }
  return lines;
}

/** `label` on the left, `value` on the right, padded with spaces to exactly `columns`. */
export function twoColumns(label: string, value: string, columns: number): string[] {
  const gap = columns - displayWidth(label) - displayWidth(value);
  if (gap >= 1) return [`${label}${' '.repeat(gap)}${value}`];
  return [
    ...wrap(label, columns),
    ...wrap(value, columns).map((l) => `${' '.repeat(Math.max(0, columns - displayWidth(l)))}${l}`),
  ];
}
