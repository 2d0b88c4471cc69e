// The keyword pass shared by every text rule: all keywords of all rules are looked for in one
// pass over the lower-cased file, with one expression (longest keywords first). A table of
// trigrams and a trie were measured here and were no faster than the engine on this expression.

export interface KeywordSearch {
  pattern: RegExp;
  /** For each keyword, the other keywords it contains: finding it means finding them. */
  contained: Map<string, string[]>;
}

export function keywordSearch(keywords: Iterable<string>): KeywordSearch | undefined {
  const words = [...new Set(keywords)].filter((k) => k.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'g');
  const contained = new Map(words.map((word) => [word, words.filter((other) => other !== word && word.includes(other))]));
  return { pattern, contained };
}

/** The keywords present in a lower-case text. */
export function findKeywords(search: KeywordSearch, lowerText: string): Set<string> {
  const found = new Set<string>();
  const { pattern, contained } = search;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(lowerText)) !== null) {
    const word = match[0];
    if (!found.has(word)) {
      found.add(word);
      for (const inner of contained.get(word)!) found.add(inner);
    }
    // Resume one character later: keywords may overlap.
    pattern.lastIndex = match.index + 1;
  }
  return found;
}
