import type { InputIssue } from './exactAmount';

export const TREE_LAYERS = ['technology', 'change', 'benefit', 'goal'] as const;
export type TreeLayer = (typeof TREE_LAYERS)[number];

/** A box of the benefit tree; benefits are economic (kroner) or service/quality ones. */
export interface TreeNode {
  id: string;
  layer: TreeLayer;
  label: string;
  benefitKind?: 'economic' | 'quality';
  note?: string;
}
/** From a box to a box in the next layer to the right (technology → change → benefit → goal). */
export interface TreeLink {
  from: string;
  to: string;
}
export interface BenefitTree {
  nodes: TreeNode[];
  links: TreeLink[];
}

const text = (da: string, en: string) => ({ da, en });

/**
 * Checks a benefit tree: known layers, unique ids, labels, and links that run one layer to the
 * right between boxes that exist, once each. Returns the tree in a clean form, or the problems.
 */
export function checkBenefitTree(raw: { nodes: unknown; links: unknown }): {
  value?: BenefitTree;
  issues: InputIssue[];
} {
  const issues: InputIssue[] = [];
  if (!Array.isArray(raw.nodes) || raw.nodes.length > 300)
    return {
      issues: [
        {
          path: 'nodes',
          message: text('Boksene skal være en liste (højst 300).', 'The boxes must be a list (at most 300).'),
        },
      ],
    };
  if (!Array.isArray(raw.links) || raw.links.length > 1000)
    return {
      issues: [
        {
          path: 'links',
          message: text(
            'Forbindelserne skal være en liste (højst 1.000).',
            'The links must be a list (at most 1,000).',
          ),
        },
      ],
    };
  const nodes: TreeNode[] = [];
  const layerOf = new Map<string, TreeLayer>();
  raw.nodes.forEach((n: unknown, i) => {
    const node = (n ?? {}) as Record<string, unknown>;
    const nodeId = typeof node.id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(node.id) ? node.id : null;
    const label = typeof node.label === 'string' ? node.label.trim() : '';
    const layer = node.layer as TreeLayer;
    const name = label || `${i + 1}`;
    if (!nodeId)
      issues.push({
        path: `nodes.${i}.id`,
        message: text(
          `Boks ${name}: id mangler eller er ugyldigt.`,
          `Box ${name}: the id is missing or invalid.`,
        ),
      });
    else if (layerOf.has(nodeId))
      issues.push({
        path: `nodes.${i}.id`,
        message: text(
          `Boks ${name}: id "${nodeId}" er brugt før.`,
          `Box ${name}: id "${nodeId}" is used twice.`,
        ),
      });
    if (!TREE_LAYERS.includes(layer))
      issues.push({
        path: `nodes.${i}.layer`,
        message: text(
          `Boks ${name}: lag skal være teknologi, forandring, gevinst eller mål.`,
          `Box ${name}: layer must be technology, change, benefit or goal.`,
        ),
      });
    if (!label || label.length > 300)
      issues.push({
        path: `nodes.${i}.label`,
        message: text(
          `Boks ${i + 1}: teksten mangler eller er over 300 tegn.`,
          `Box ${i + 1}: the text is missing or longer than 300 characters.`,
        ),
      });
    const benefitKind =
      layer === 'benefit'
        ? node.benefitKind === 'quality'
          ? 'quality'
          : node.benefitKind === 'economic'
            ? 'economic'
            : null
        : undefined;
    if (benefitKind === null)
      issues.push({
        path: `nodes.${i}.benefitKind`,
        message: text(
          `Gevinst ${name}: vælg økonomisk eller kvalitativ.`,
          `Benefit ${name}: choose economic or quality.`,
        ),
      });
    const note = typeof node.note === 'string' ? node.note.trim().slice(0, 1000) : undefined;
    if (nodeId && TREE_LAYERS.includes(layer)) layerOf.set(nodeId, layer);
    nodes.push({
      id: nodeId ?? '',
      layer,
      label,
      ...(benefitKind ? { benefitKind } : {}),
      ...(note ? { note } : {}),
    });
  });
  const links: TreeLink[] = [];
  const seen = new Set<string>();
  raw.links.forEach((l: unknown, i) => {
    const link = (l ?? {}) as Record<string, unknown>;
    const from = typeof link.from === 'string' ? link.from : '';
    const to = typeof link.to === 'string' ? link.to : '';
    const a = layerOf.get(from);
    const b = layerOf.get(to);
    if (!a || !b) {
      issues.push({
        path: `links.${i}`,
        message: text(
          `Forbindelse ${i + 1}: peger på en boks, der ikke findes.`,
          `Link ${i + 1}: points to a box that does not exist.`,
        ),
      });
      return;
    }
    if (TREE_LAYERS.indexOf(b) !== TREE_LAYERS.indexOf(a) + 1) {
      issues.push({
        path: `links.${i}`,
        message: text(
          `Forbindelse ${i + 1}: skal gå ét lag til højre (teknologi → forandring → gevinst → mål).`,
          `Link ${i + 1}: must go one layer to the right (technology → change → benefit → goal).`,
        ),
      });
      return;
    }
    if (seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    links.push({ from, to });
  });
  return issues.length > 0 ? { issues } : { value: { nodes, links }, issues };
}
