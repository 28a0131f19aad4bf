/** A PostgreSQL text[] literal of the values, quoted and escaped, to pass as one parameter (`$1::text[]`). */
export function textArrayLiteral(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
