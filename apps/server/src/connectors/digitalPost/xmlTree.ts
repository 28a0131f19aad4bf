import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element with its namespace resolved from the `xmlns` declarations in scope. */
export interface XmlElement {
  /** The namespace URI, or null for an element in no namespace. */
  ns: string | null;
  local: string;
  /** The name as written, with its prefix, for messages. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its text nodes joined), trimmed. */
  text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Reads an XML document into elements with resolved namespaces (fast-xml-parser keeps the order of
 * the elements and leaves the prefixes as written; the `xmlns` declarations are resolved here).
 * A document that is not well-formed XML answers the parser's own words.
 */
export function readXml(xml: string): { root: XmlElement } | { error: string } {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    return { error: `${wellFormed.err.msg} (line ${wellFormed.err.line}, column ${wellFormed.err.col})` };
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = elements(nodes, new Map());
  if (roots.length !== 1) return { error: 'The document must have exactly one root element' };
  return { root: roots[0]! };
}

function elements(nodes: OrderedNode[], scope: ReadonlyMap<string, string>): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (!name) continue;
    const attrs = node[':@'] ?? {};
    const inner = new Map(scope);
    for (const [attr, value] of Object.entries(attrs)) {
      if (attr === 'xmlns') inner.set('', value);
      else if (attr.startsWith('xmlns:')) inner.set(attr.slice(6), value);
    }
    const colon = name.indexOf(':');
    const prefix = colon >= 0 ? name.slice(0, colon) : '';
    const content = (node[name] ?? []) as OrderedNode[];
    found.push({
      ns: inner.get(prefix) ?? null,
      local: colon >= 0 ? name.slice(colon + 1) : name,
      name,
      attrs: Object.fromEntries(
        Object.entries(attrs).filter(([a]) => a !== 'xmlns' && !a.startsWith('xmlns:')),
      ),
      children: elements(content, inner),
      text: content
        .map((c) =>
          typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : '',
        )
        .join('')
        .trim(),
    });
  }
  return found;
}

/** The first child with this local name (any namespace unless given). */
export const child = (element: XmlElement | undefined, local: string, ns?: string | null) =>
  element?.children.find((c) => c.local === local && (ns === undefined || c.ns === ns));

/** The text of the first child with this local name, or null. */
export const childText = (element: XmlElement | undefined, local: string, ns?: string | null) => {
  const found = child(element, local, ns);
  return found ? found.text : null;
};
