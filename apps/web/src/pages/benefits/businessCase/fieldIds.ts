/** The id of the editor's field an issue's path (`lines.1.amounts.3`, `committees.0.name`) names. */
export function bcFieldId(path: string): string | null {
  const line = /^lines\.(\d+)\.(label|kind|area|amounts)(?:\.(\d+))?$/.exec(path);
  if (line) {
    const [, i, field, j] = line;
    if (field === 'amounts') return `bc-line-${i}-amount-${j ?? 0}`;
    return `bc-line-${i}-${field}`;
  }
  const committee = /^committees\.(\d+)\.(name|keyPercent)$/.exec(path);
  if (committee)
    return committee[2] === 'name' ? `committee-${committee[1]}` : `committee-key-${committee[1]}`;
  const top: Record<string, string> = { title: 'bc-title', priceLevel: 'bc-price', firstYear: 'bc-first' };
  return top[path] ?? null;
}
