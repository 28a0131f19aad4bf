import type { Ref } from 'react';
import { TREE_LAYER_LABEL, TREE_LAYERS, treeNodeFill, type TreeLink, type TreeNode } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { BOX_HEIGHT, COLUMN_WIDTH, columnX, wrapLabel, type TreeLayout } from './treeLayout';

/** The tree as a drawing, shared by the page and the image exports; its boxes are also listed as text. */
export function BenefitTreeDiagram({
  nodes,
  links,
  layout,
  ref,
}: {
  nodes: TreeNode[];
  links: TreeLink[];
  layout: TreeLayout;
  ref: Ref<SVGSVGElement>;
}) {
  const { t, pick } = useI18n();
  const { width, height, positions } = layout;
  return (
    <svg
      ref={ref}
      className="tree-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={t('tree.diagram', { nodes: nodes.length, links: links.length })}
    >
      <defs>
        <marker
          id="tree-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#555" />
        </marker>
      </defs>
      <rect width={width} height={height} fill="#ffffff" />
      {TREE_LAYERS.map((l, i) => (
        <text key={l} x={columnX(i)} y={24} fontSize={15} fontWeight={700} fill="#1a1a1a">
          {pick(TREE_LAYER_LABEL[l])}
        </text>
      ))}
      {links.map((l) => {
        const a = positions.get(l.from);
        const b = positions.get(l.to);
        return a && b ? (
          <line
            key={`${l.from}-${l.to}`}
            x1={a.x + COLUMN_WIDTH}
            y1={a.y + BOX_HEIGHT / 2}
            x2={b.x}
            y2={b.y + BOX_HEIGHT / 2}
            stroke="#555"
            strokeWidth={1.5}
            markerEnd="url(#tree-arrow)"
            data-link={`${l.from}>${l.to}`}
          />
        ) : null;
      })}
      {nodes.map((n) => {
        const p = positions.get(n.id)!;
        return (
          <g key={n.id}>
            <rect
              x={p.x}
              y={p.y}
              width={COLUMN_WIDTH}
              height={BOX_HEIGHT}
              rx={5}
              fill={treeNodeFill(n)}
              stroke="#333"
            />
            {wrapLabel(n.label).map((line, k) => (
              <text key={k} x={p.x + 8} y={p.y + 18 + k * 15} fontSize={12} fill="#1a1a1a">
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
