/**
 * GetOrganized carries metadata as one SharePoint row element, `<z:row xmlns:z="#RowsetSchema"
 * ows_Title="…" ows_Dato="…"/>`: each field an attribute named by its internal name with `ows_`
 * before it. Both the case and the document calls send it (MetadataXml, Metadata) and the
 * metadata calls answer it.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

const escapeXml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const unescapeXml = (value: string) =>
  value.replace(/&(?:amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (entity, dec?: string, hex?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : UNESCAPES[entity]!,
  );

/** A row of the given fields (names with their `ows_` prefix); empty values are left out, as GO wants. */
export function buildZRow(fields: Record<string, string | null | undefined>): string {
  const attributes = Object.entries(fields)
    .filter(
      (entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '',
    )
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  return `<z:row xmlns:z="#RowsetSchema"${attributes}/>`;
}

/** The fields of a row by name (`ows_…`), or null when the text is no row. */
export function parseZRow(xml: string): Record<string, string> | null {
  const element = /^\s*<z:row\b([^>]*?)\/?>\s*(?:<\/z:row>\s*)?$/.exec(xml);
  if (!element) return null;
  const fields: Record<string, string> = {};
  for (const match of element[1]!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
    if (match[1] === 'xmlns:z') continue;
    fields[match[1]!] = unescapeXml(match[2]!);
  }
  return fields;
}

/** A lookup field's value without its list item id: "215820;#brev.pdf" reads "brev.pdf". */
export const lookupValue = (value: string | undefined) =>
  value === undefined ? undefined : value.includes(';#') ? value.slice(value.indexOf(';#') + 2) : value;
