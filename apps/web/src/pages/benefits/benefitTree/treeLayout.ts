import { TREE_LAYERS, type TreeNode } from '@indgang/schemas';

export const COLUMN_WIDTH = 220;
export const BOX_HEIGHT = 56;
const GAP = 60;
const TOP = 40;
const ROW = BOX_HEIGHT + 14;

export interface TreeLayout {
  width: number;
  height: number;
  /** Where each box's top left corner is. */
  positions: Map<string, { x: number; y: number }>;
}

/** The x of a layer's column. */
export const columnX = (layerIndex: number) => 10 + layerIndex * (COLUMN_WIDTH + GAP);

/** Places the boxes: one column per layer, in the order they were added. */
export function layoutTree(nodes: TreeNode[]): TreeLayout {
  const byLayer = TREE_LAYERS.map((l) => nodes.filter((n) => n.layer === l));
  const rows = Math.max(1, ...byLayer.map((ns) => ns.length));
  const positions = new Map<string, { x: number; y: number }>();
  byLayer.forEach((ns, i) => ns.forEach((n, k) => positions.set(n.id, { x: columnX(i), y: TOP + k * ROW })));
  return { width: 4 * COLUMN_WIDTH + 3 * GAP + 20, height: TOP + rows * ROW + 20, positions };
}

/** A box's label in at most three lines of about 30 characters (the last one takes the rest). */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [''];
  for (const w of text.split(' ')) {
    if ((lines.at(-1)! + w).length > 30 && lines.length < 3) lines.push('');
    lines[lines.length - 1] += `${lines.at(-1) ? ' ' : ''}${w}`;
  }
  return lines;
}
