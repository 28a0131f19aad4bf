import { TREE_LAYER_LABEL, TREE_LAYERS, type TreeLayer } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { NewBoxForm } from './NewBoxForm';
import { TreeNodeCard } from './TreeNodeCard';
import type { BenefitTreeEditor } from './useBenefitTree';

/** One layer of the tree as a list of boxes, with the form that adds one. */
export function TreeColumn({
  layer,
  tree,
  canManage,
}: {
  layer: TreeLayer;
  tree: BenefitTreeEditor;
  canManage: boolean;
}) {
  const { pick } = useI18n();
  const i = TREE_LAYERS.indexOf(layer);
  const next = tree.layerNodes(TREE_LAYERS[i + 1]);
  const previous = tree.layerNodes(TREE_LAYERS[i - 1]);
  return (
    <section className="tree-column" aria-labelledby={`layer-${layer}`}>
      <h2 id={`layer-${layer}`} className="h3">
        {pick(TREE_LAYER_LABEL[layer])}
      </h2>
      {tree.layerNodes(layer).map((n) => (
        <TreeNodeCard key={n.id} node={n} previous={previous} next={next} tree={tree} canManage={canManage} />
      ))}
      {canManage && <NewBoxForm layer={layer} onAdd={(label, kind) => tree.add(layer, label, kind)} />}
    </section>
  );
}
