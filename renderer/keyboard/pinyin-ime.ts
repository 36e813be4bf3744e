/**
 * Pinyin input, pure: letters typed on the on-screen keyboard in, candidate
 * characters and words out. Whole-word matches first ("beijing" → 北京),
 * then words the letters begin ("beij" → 北京), then characters for the first
 * syllable; picking a character leaves the rest of the letters to compose.
 */
export interface PinyinDictionary {
  /** syllable → characters, most frequent first. */
  readonly chars: Readonly<Record<string, string>>;
  /** whole reading → words, most frequent first, space-separated. */
  readonly words: Readonly<Record<string, string>>;
  readonly surnames: string;
  /** Characters given names use most, most common first. */
  readonly names: string;
  readonly address: { readonly words: string; readonly chars: string };
}

/** 生僻字: characters beyond the dictionary, by reading and by their two parts ("tu kou" → 𠮷). */
export interface RareDictionary {
  readonly chars: Readonly<Record<string, string>>;
  readonly parts: Readonly<Record<string, string>>;
}

/** What the field wants: a name (surnames first when it is still empty), an address, or anything. */
export type InputContext = 'surname' | 'name' | 'address' | 'text';

export interface Candidate {
  readonly text: string;
  /** How many typed letters it stands for, from the start. */
  readonly consumes: number;
}

export interface Ime {
  readonly syllables: ReadonlySet<string>;
  /** Splits letters into syllables; the last piece may be the start of one ("beij" → bei, j). */
  segment(letters: string): string[] | null;
  candidates(letters: string, context: InputContext, limit?: number): Candidate[];
}

const MAX_WORD_SCAN = 400;
/** Letters a composition holds at most (a name's or an address's words, not a sentence). */
export const MAX_COMPOSED_LETTERS = 24;

/**
 * The letters after a tap, or null when the tap is not taken: a letter that cannot start any
 * reading (the key would seem to do nothing else). While the dictionary is still loading
 * (`ime` null, the first second after the page opens) every letter is taken: a tap is never
 * dropped, and the candidates come once the dictionary is in.
 */
export function withLetter(ime: Ime | null, letters: string, key: string): string | null {
  const next = letters + key;
  if (next.length > MAX_COMPOSED_LETTERS) return null;
  if (ime !== null && ime.segment(next) === null) return null;
  return next;
}

export function createIme(dictionary: PinyinDictionary): Ime {
  const syllables = new Set(Object.keys(dictionary.chars));
  const prefixes = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i += 1) prefixes.add(s.slice(0, i));
  const wordKeys = Object.keys(dictionary.words).sort();
  const surnames = new Set(dictionary.surnames);
  const nameChars = new Set(dictionary.names);
  const addressWords = dictionary.address.words.split(' ');
  const addressChars = new Set(dictionary.address.chars);

  const segment = (letters: string): string[] | null => {
    if (letters === '') return [];
    // Longest syllable first, backtracking: "xian" is one syllable, "xianshi" is xian + shi.
    for (let length = Math.min(6, letters.length); length >= 1; length -= 1) {
      const head = letters.slice(0, length);
      const rest = letters.slice(length);
      if (syllables.has(head)) {
        const tail = segment(rest);
        if (tail !== null) return [head, ...tail];
      }
      if (rest === '' && prefixes.has(head)) return [head];
    }
    return null;
  };

  /** Words whose reading starts with `letters` (a partly typed last syllable), most frequent first. */
  const wordsStartingWith = (letters: string): string[] => {
    let lo = 0;
    let hi = wordKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((wordKeys[mid] ?? '') < letters) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < wordKeys.length && i < lo + MAX_WORD_SCAN; i += 1) {
      const key = wordKeys[i] ?? '';
      if (!key.startsWith(letters)) break;
      if (key !== letters) found.push(...(dictionary.words[key] ?? '').split(' '));
    }
    return found;
  };

  const charsFor = (syllable: string): string[] => {
    if (syllables.has(syllable)) return [...(dictionary.chars[syllable] ?? '')];
    // A lone initial ("w"): the most common characters of every syllable it starts.
    return [...syllables]
      .filter((s) => s.startsWith(syllable))
      .flatMap((s) => [...(dictionary.chars[s] ?? '')].slice(0, 3));
  };

  return {
    syllables,
    segment,
    candidates(letters, context, limit = Number.POSITIVE_INFINITY) {
      const parts = segment(letters);
      if (parts === null || parts.length === 0) return [];
      const out: Candidate[] = [];
      const seen = new Set<string>();
      const push = (text: string, consumes: number): void => {
        if (text === '' || seen.has(text)) return;
        seen.add(text);
        out.push({ text, consumes });
      };
      const matching = (dictionary.words[letters] ?? '').split(' ').filter(Boolean);
      // A word is a whole match only with one character per typed syllable: "yue" is 月, not 余额 (yu'e).
      let whole = matching.filter((w) => [...w].length === parts.length);
      const split = matching.filter((w) => [...w].length !== parts.length);
      let started = parts.length > 1 ? wordsStartingWith(letters) : [];
      if (context === 'address') {
        const boost = (list: string[]): string[] => [
          ...list.filter((w) => addressWords.includes(w)),
          ...list.filter((w) => !addressWords.includes(w)),
        ];
        whole = boost(whole);
        started = boost(started);
      }
      for (const word of whole) push(word, letters.length);
      for (const word of started.slice(0, 8)) push(word, letters.length);
      const first = parts[0] ?? '';
      let chars = charsFor(first);
      if (context === 'surname') {
        // Surnames by how many people bear them (欧 before 区), then the rest by frequency.
        const rank = (c: string): number => dictionary.surnames.indexOf(c);
        chars = [
          ...chars.filter((c) => surnames.has(c)).sort((a, b) => rank(a) - rank(b)),
          ...chars.filter((c) => !surnames.has(c)),
        ];
      }
      if (context === 'name') {
        // Given names: the characters names use (悦 玥 before 约 阅), then the rest by frequency.
        const rank = (c: string): number => dictionary.names.indexOf(c);
        chars = [
          ...chars.filter((c) => nameChars.has(c)).sort((a, b) => rank(a) - rank(b)),
          ...chars.filter((c) => !nameChars.has(c)),
        ];
      }
      if (context === 'address')
        chars = [
          ...chars.filter((c) => addressChars.has(c)),
          ...chars.filter((c) => !addressChars.has(c)),
        ];
      for (const char of chars) push(char, first.length);
      for (const word of split) push(word, letters.length);
      return out.slice(0, limit);
    },
  };
}

/**
 * 生僻字 by reading ("yan" → 䶮 among the rest) or by two parts, each typed by
 * its own reading ("tukou" → 𠮷 = 土 + 口; "longtian" → 䶮 = 龙 + 天). Parts
 * first when two syllables are typed: that is the way to a character nobody
 * knows the reading of.
 */
export function rareCandidates(ime: Ime, rare: RareDictionary, letters: string): Candidate[] {
  const parts = ime.segment(letters);
  if (parts === null || parts.length === 0) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (text: string, consumes: number): void => {
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, consumes });
  };
  if (parts.length === 2) {
    for (const char of rare.parts[parts.join(' ')] ?? '') push(char, letters.length);
  }
  if (parts.length === 1) {
    const [only = ''] = parts;
    for (const char of rare.chars[only] ?? '') push(char, letters.length);
    // One part typed so far: every character with that part first, as a hint to type the other.
    for (const [key, chars] of Object.entries(rare.parts))
      if (key.startsWith(`${only} `)) for (const char of chars) push(char, letters.length);
  }
  return out;
}
