/** Fills {{merge.fields}} from the values given; unknown fields stay visible for the caseworker to fill. */
export function renderTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*([a-zA-Z.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
