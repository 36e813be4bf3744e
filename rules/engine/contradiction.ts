/**
 * Conditions that can never hold although no part of them is a literal
 * `false`: an `and` whose simple parts on one variable exclude each other,
 * e.g. `answers.reason == "lost"` and `answers.reason == "damaged"`, or
 * `identity.age < 16` and `identity.age >= 18`. Only plain comparisons of a
 * variable with a literal are weighed; anything else is assumed satisfiable.
 */

type Literal = string | number | boolean | null;

interface Constraint {
  readonly text: string;
  /** The values it allows, when it pins them down (==, in). */
  readonly oneOf?: readonly Literal[];
  readonly not?: Literal;
  readonly lower?: { readonly value: number; readonly strict: boolean };
  readonly upper?: { readonly value: number; readonly strict: boolean };
  readonly truthy?: boolean;
}

/** JSON arrays as `unknown[]`, not `any[]`. */
const listOf = (x: unknown): readonly unknown[] | null =>
  Array.isArray(x) ? (x as readonly unknown[]) : null;

/** A JSON object's single entry, or null for anything else. */
function onlyEntry(x: unknown): [string, unknown] | null {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return null;
  const entries = Object.entries(x as Record<string, unknown>);
  return entries.length === 1 ? entries[0]! : null;
}

const isLiteral = (x: unknown): x is Literal =>
  x === null || ['string', 'number', 'boolean'].includes(typeof x);

function varName(x: unknown): string | null {
  const entry = onlyEntry(x);
  if (entry === null || entry[0] !== 'var') return null;
  const name = listOf(entry[1])?.[0] ?? entry[1];
  return typeof name === 'string' ? name : null;
}

const FLIP: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** A part of an `and` as one variable's constraint, or null when it is anything else. */
function constraintOf(part: unknown): { name: string; constraint: Constraint } | null {
  const bare = varName(part);
  if (bare !== null) return { name: bare, constraint: { text: `${bare} is set`, truthy: true } };
  const entry = onlyEntry(part);
  if (entry === null) return null;
  const [op, raw] = entry;
  if (op === '!' || op === '!!') {
    const inner = varName(listOf(raw)?.[0] ?? raw);
    if (inner === null) return null;
    return {
      name: inner,
      constraint: { text: `${inner} is ${op === '!' ? 'not ' : ''}set`, truthy: op === '!!' },
    };
  }
  const args = listOf(raw);
  if (args === null || args.length !== 2) return null;
  if (op === 'in') {
    const name = varName(args[0]);
    const list = listOf(args[1]);
    if (name === null || list === null || !list.every(isLiteral)) return null;
    return { name, constraint: { text: `${name} in ${JSON.stringify(list)}`, oneOf: list } };
  }
  let [a, b] = args;
  let operator = op;
  if (varName(a) === null && varName(b) !== null) {
    [a, b] = [b, a];
    operator = FLIP[op] ?? op;
  }
  const name = varName(a);
  if (name === null || !isLiteral(b)) return null;
  const text = `${name} ${operator} ${JSON.stringify(b)}`;
  switch (operator) {
    case '==':
    case '===':
      return { name, constraint: { text, oneOf: [b] } };
    case '!=':
    case '!==':
      return { name, constraint: { text, not: b } };
    case '<':
    case '<=':
      return typeof b === 'number'
        ? { name, constraint: { text, upper: { value: b, strict: operator === '<' } } }
        : null;
    case '>':
    case '>=':
      return typeof b === 'number'
        ? { name, constraint: { text, lower: { value: b, strict: operator === '>' } } }
        : null;
    default:
      return null;
  }
}

const within = (value: Literal, c: Constraint): boolean => {
  if (c.not !== undefined && value === c.not) return false;
  if (c.lower !== undefined) {
    if (typeof value !== 'number') return false;
    if (c.lower.strict ? value <= c.lower.value : value < c.lower.value) return false;
  }
  if (c.upper !== undefined) {
    if (typeof value !== 'number') return false;
    if (c.upper.strict ? value >= c.upper.value : value > c.upper.value) return false;
  }
  if (c.truthy === true && !value) return false;
  if (c.truthy === false && Boolean(value)) return false;
  return true;
};

/** The first pair (or group) of constraints on one variable that exclude each other. */
function clash(constraints: readonly Constraint[]): readonly Constraint[] | null {
  for (let i = 0; i < constraints.length; i += 1) {
    for (let j = i + 1; j < constraints.length; j += 1) {
      const a = constraints[i]!;
      const b = constraints[j]!;
      if (a.truthy !== undefined && b.truthy !== undefined && a.truthy !== b.truthy) return [a, b];
      const pinned = a.oneOf ?? b.oneOf;
      const other = a.oneOf === undefined ? a : b;
      if (pinned !== undefined) {
        const allowed =
          other.oneOf !== undefined
            ? pinned.filter((v) => other.oneOf!.includes(v))
            : pinned.filter((v) => within(v, other));
        if (allowed.length === 0) return [a, b];
      }
      if (a.lower !== undefined && b.upper !== undefined && emptyRange(a.lower, b.upper))
        return [a, b];
      if (b.lower !== undefined && a.upper !== undefined && emptyRange(b.lower, a.upper))
        return [a, b];
    }
  }
  // Three or more together: "in [a, b]", "!= a", "!= b".
  const pinned = constraints.filter((c) => c.oneOf !== undefined);
  if (pinned.length > 0) {
    const allowed = pinned
      .reduce<readonly Literal[]>(
        (left, c) => left.filter((v) => c.oneOf!.includes(v)),
        pinned[0]!.oneOf!,
      )
      .filter((v) => constraints.every((c) => c.oneOf !== undefined || within(v, c)));
    if (allowed.length === 0) return constraints;
  }
  return null;
}

function emptyRange(
  lower: NonNullable<Constraint['lower']>,
  upper: NonNullable<Constraint['upper']>,
): boolean {
  if (lower.value > upper.value) return true;
  return lower.value === upper.value && (lower.strict || upper.strict);
}

/** The parts of an `and`, nested `and`s flattened. */
function conjuncts(args: unknown): unknown[] {
  const list = listOf(args);
  if (list === null) return [args];
  return list.flatMap((part) => {
    const entry = onlyEntry(part);
    return entry !== null && entry[0] === 'and' ? conjuncts(entry[1]) : [part];
  });
}

/** Every `and` in the condition that can never hold, said as the parts that clash. */
export function contradictions(condition: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [op, args] of Object.entries(node)) {
      if (op === 'and') {
        const byVar = new Map<string, Constraint[]>();
        for (const part of conjuncts(args)) {
          const c = constraintOf(part);
          if (c !== null) byVar.set(c.name, [...(byVar.get(c.name) ?? []), c.constraint]);
        }
        for (const constraints of byVar.values()) {
          const pair = clash(constraints);
          if (pair !== null) found.push(pair.map((c) => c.text).join(' and '));
        }
      }
      walk(args);
    }
  };
  walk(condition);
  return found;
}
