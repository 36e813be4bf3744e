import { isolated } from '../../base/text-format';
import type { SlipLines } from '../../core/slip-lines';

/** One paragraph of the printed translation: its words, and how it is set. */
export interface Paragraph {
  readonly text: string;
  readonly bold: boolean;
  /** Font size in printer dots (8 per mm). */
  readonly size: number;
}

/** U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, as `isolated` sets them. */
const FSI = '\u2068';
const PDI = '\u2069';

const heading = (text: string): Paragraph => ({ text, bold: true, size: 30 });
const title = (text: string): Paragraph => ({ text, bold: true, size: 24 });
const body = (text: string): Paragraph => ({ text, bold: false, size: 22 });

/**
 * What the printed slip says in the citizen's language, in the order of the
 * Chinese above it: the same lines the screen shows. The number, QR code and
 * station are the Chinese part's (digits read the same in every language).
 */
export function translationParagraphs(lines: SlipLines): Paragraph[] {
  const out: Paragraph[] = [heading(lines.heading)];
  for (const row of lines.rows) {
    if (row.key === 'station') continue;
    out.push(body(`${row.label}: ${isolated(row.value)}`));
  }
  if (lines.notice !== null && lines.notice.items.length > 0) {
    out.push(title(lines.notice.title), body(lines.notice.lead));
    lines.notice.items.forEach((item, i) => {
      out.push(body(`${i + 1}. ${item.name}`));
      if (item.satisfiedBy !== null) out.push(body(item.satisfiedBy));
    });
  }
  if (lines.bring.length > 0) {
    out.push(title(lines.bringTitle));
    for (const item of lines.bring) out.push(body(`· ${item}`));
  }
  for (const note of lines.notes) out.push(body(note));
  out.push(title(lines.howToQueryTitle), body(lines.howToQuery), body(lines.queryUntilSent));
  return out;
}

/**
 * Breaks a paragraph into lines no wider than `width`: after spaces (Uyghur),
 * after the tsheg and shad (Tibetan), and between characters of a run with no
 * break (Chinese left untranslated) — never inside a word that fits.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const tokens = text.split(/(?<=[\s\u0F0B\u0F0D])/u).filter((t) => t !== '');
  const lines: string[] = [];
  let line = '';
  const put = (token: string): void => {
    if (measure(line + token) <= width || line === '') {
      if (measure(token) > width && line === '') {
        // A run wider than the paper on its own: by characters.
        for (const ch of Array.from(token)) {
          if (line !== '' && measure(line + ch) > width) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
        return;
      }
      line += token;
      return;
    }
    lines.push(line.trimEnd());
    line = '';
    put(token.trimStart());
  };
  for (const token of tokens) put(token);
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** A paragraph's own direction, from its first letter: Uyghur's Arabic script reads right to left. */
export const directionOfText = (text: string): 'ltr' | 'rtl' =>
  /\p{Script=Arabic}/u.test(/\p{L}/u.exec(text)?.[0] ?? '') ? 'rtl' : 'ltr';

/**
 * Each wrapped line is drawn on its own: a value's isolate that a break split
 * is opened again at the start of the next line, so its rest keeps its direction.
 */
export function carryIsolates(lines: readonly string[]): string[] {
  let open = 0;
  return lines.map((line) => {
    const out = open > 0 ? `${FSI}${line}` : line;
    for (const ch of line) open += ch === FSI ? 1 : ch === PDI ? -1 : 0;
    open = Math.max(0, open);
    return out;
  });
}
