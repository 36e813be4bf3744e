/**
 * Does a rule author's pattern nest an unbounded quantifier inside another
 * (`(a+)+`, `(?:[0-9A-Za-z]+)+`, `(x*)*`)? Such a pattern backtracks
 * exponentially on a near-miss: 24 characters already took 425 ms here and
 * each more doubles it. The check is static, on the pattern's text, so a bad
 * file is refused at `rules:check` and at start-up, before any citizen types.
 * Returns a description of the first nesting found, or null.
 */
export function nestedQuantifier(pattern: string): string | null {
  /** Per open group: where it starts, and whether it holds an unbounded quantifier. */
  const groups: { start: number; unbounded: boolean }[] = [];
  let top = { start: 0, unbounded: false };
  let i = 0;
  /** A quantifier at `at` that can repeat many ways (`*`, `+`, `{n,}`, `{n,m}` with m > n, m > 1), and where it ends. */
  const quantifierAt = (at: number): { unbounded: boolean; end: number } | null => {
    const c = pattern[at];
    if (c === '*' || c === '+') return { unbounded: true, end: at + 1 };
    if (c === '?') return { unbounded: false, end: at + 1 };
    if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
      if (match === null) return null;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      // An exact count ({3}) repeats one way only; a range can repeat many ways.
      return { unbounded: max > 1 && max !== min, end: at + match[0].length };
    }
    return null;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      // An escape is one atom (\d, \., \u4e00): it may be quantified below.
      i += pattern[i + 1] === 'u' && pattern[i + 2] === '{' ? pattern.indexOf('}', i) + 1 : 2;
    } else if (c === '[') {
      // A character class is one atom: skip to its closing bracket.
      i += 1;
      if (pattern[i] === '^') i += 1;
      if (pattern[i] === ']') i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '(') {
      groups.push(top);
      top = { start: i, unbounded: false };
      i += 1;
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the `?` opens, it does not quantify.
      if (pattern[i] === '?') {
        i += 1;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          while (i < pattern.length && pattern[i] !== '>') i += 1;
        }
        i += 1;
      }
      continue;
    } else if (c === ')') {
      const inner = top;
      top = groups.pop() ?? { start: 0, unbounded: false };
      i += 1;
      const q = quantifierAt(i);
      if (q !== null) {
        if (q.unbounded && inner.unbounded) {
          return `"${pattern.slice(inner.start, q.end)}" repeats a part that repeats itself: it can take minutes on a wrong answer`;
        }
        top.unbounded ||= q.unbounded || inner.unbounded;
        i = q.end;
        if (pattern[i] === '?') i += 1; // lazy
      } else top.unbounded ||= inner.unbounded;
      continue;
    } else {
      i += 1;
    }
    // After an atom (a character, an escape handled above, a class): its quantifier, if any.
    const q = quantifierAt(i);
    if (q !== null) {
      top.unbounded ||= q.unbounded;
      i = q.end;
      if (pattern[i] === '?') i += 1;
    }
  }
  return null;
}

/** How deep a parsed JSON value nests, counted without recursion (so a hostile file cannot overflow the stack). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v as Record<string, unknown>))
        stack.push({ value: child, depth: depth + 1 });
    }
  }
  return deepest;
}
