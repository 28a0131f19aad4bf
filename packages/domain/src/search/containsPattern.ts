/** An ILIKE pattern matching text that contains `q` literally: %, _ and \ in `q` match only themselves. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}
