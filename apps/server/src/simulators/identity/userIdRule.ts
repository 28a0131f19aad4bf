/** A name in the letters an AD account name may hold: æ ø å spelt out, accents and the rest dropped. */
function letters(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/**
 * Eksempel Kommune's rule for user ids: the first two letters of the first name and of the last
 * name, then the lowest two-digit number (three when 99 are taken) that makes it unique, e.g.
 * "mani01" for Mathilde Krogh Nielsen. A name too short for two letters is padded with x.
 */
export function userIdFor(firstName: string, lastName: string, taken: (id: string) => boolean): string {
  const surname = lastName.trim().split(/\s+/).pop() ?? '';
  const stem = `${letters(firstName).slice(0, 2).padEnd(2, 'x')}${letters(surname).slice(0, 2).padEnd(2, 'x')}`;
  for (let n = 1; ; n += 1) {
    const id = `${stem}${String(n).padStart(2, '0')}`;
    if (!taken(id)) return id;
  }
}
