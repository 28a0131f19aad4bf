/**
 * Letters that begin a word but that PostgreSQL's `[:alnum:]` may not count as letters (under the C
 * locale it knows only ASCII): a match after one of them is inside a word, not at its start.
 */
const LETTERS = 'ÆØÅæøåÄÖÜäöüÉéÈèÁáÍíÓóÚúÑñ';

/**
 * One PostgreSQL regular expression (for `~*`) per word of `q`, each matching text in which a word
 * begins with that word: "syg" finds "Sygdom" and "barns sygdom", not "fravsyg". Characters a regular
 * expression would read (`.`, `*`, `(` …) match only themselves. No words, no patterns.
 */
export function wordStartPatterns(q: string): string[] {
  return q
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `(^|[^[:alnum:]${LETTERS}])${word.replace(/[\\^$.[\]|()*+?{}]/g, '\\$&')}`);
}
