/**
 * Which slices of a unicode-range-split web font a text needs: the @font-face
 * blocks of a fontsource stylesheet, and the faces whose unicode-range holds
 * any of the text's characters. Pure, for the build's preload list.
 */
export interface FontFace {
  /** The woff2 file's name, e.g. `noto-sans-sc-118-700-normal.woff2`. */
  readonly file: string;
  readonly weight: number;
  readonly ranges: readonly (readonly [number, number])[];
}

const FACE = /@font-face\s*{([^}]*)}/g;

/** `U+4e00-4e0f,U+3002` → [[0x4e00, 0x4e0f], [0x3002, 0x3002]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part !== '')
    .map((part) => {
      const [from = '', to = from] = part.split('-');
      return [parseInt(from, 16), parseInt(to, 16)] as [number, number];
    })
    .filter(([from, to]) => !Number.isNaN(from) && !Number.isNaN(to));
}

export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const [, body = ''] of css.matchAll(FACE)) {
    const file = /url\(\.?\/?(?:files\/)?([^)]+?\.woff2)\)/.exec(body)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1]);
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (file === undefined || Number.isNaN(weight)) continue;
    faces.push({
      file: file.replace(/^.*\//, ''),
      weight,
      ranges: range === undefined ? [[0, 0x10ffff]] : parseUnicodeRange(range),
    });
  }
  return faces;
}

/** The faces (files) that draw at least one character of `text`, in stylesheet order. */
export function facesFor(text: string, faces: readonly FontFace[]): string[] {
  const points = new Set(Array.from(text, (ch) => ch.codePointAt(0) ?? 0).filter((p) => p > 0x20));
  return faces
    .filter((face) =>
      [...points].some((p) => face.ranges.some(([from, to]) => p >= from && p <= to)),
    )
    .map((face) => face.file);
}
