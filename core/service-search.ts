/**
 * The home screen's search: 拼音首字母 ("hz" → 护照), 全拼 ("huzhao") or Chinese
 * ("护照"), over the keys the main process computed for each item
 * (rules/engine/search-keys.ts). Pure and small: it runs on every keystroke.
 */
export interface Searchable {
  readonly searchKeys: { readonly full: string; readonly initials: string; readonly text: string };
}

/** How well an item matches: lower is better (the kind of match, then how early); null when it does not. */
function rank(item: Searchable, query: string): number | null {
  const { full, initials, text } = item.searchKeys;
  const at = (where: string, what: string, tier: number): number | null => {
    const index = where.indexOf(what);
    return index < 0 ? null : tier * 1000 + index;
  };
  if (/[\u3400-\u9fff]/u.test(query)) return at(text, query, 0);
  const letters = query.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return null;
  // Initials first ("hz" is 护照 before it is anything spelled h…z…), then full pinyin.
  return at(initials, letters, 0) ?? at(full, letters, 1);
}

/** The items matching `query`, best first (ties keep the catalogue's order); all of them for an empty query. */
export function searchServices<T extends Searchable>(items: readonly T[], query: string): T[] {
  const q = query.trim();
  if (q === '') return [...items];
  return items
    .map((item, index) => ({ item, index, rank: rank(item, q) }))
    .filter((m): m is { item: T; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.item);
}
