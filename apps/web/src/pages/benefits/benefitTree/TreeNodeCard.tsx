import { TREE_LAYER_LABEL, type TreeNode } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { BenefitKindSelect } from './BenefitKindSelect';
import { TreeLinks } from './TreeLinks';
import type { BenefitTreeEditor } from './useBenefitTree';

/** One box in its layer's list: its text, its kind if a benefit, its links both ways, and removal. */
export function TreeNodeCard({
  node: n,
  previous,
  next,
  tree,
  canManage,
}: {
  node: TreeNode;
  previous: TreeNode[];
  next: TreeNode[];
  tree: BenefitTreeEditor;
  canManage: boolean;
}) {
  const { t, pick } = useI18n();
  const kind = n.benefitKind ?? 'economic';
  return (
    <div className={`tree-node${n.layer === 'benefit' ? ` node-${kind}` : ''}`}>
      {canManage ? (
        <textarea
          className="form-input"
          rows={2}
          maxLength={300}
          aria-label={t('tree.boxText', { layer: pick(TREE_LAYER_LABEL[n.layer]) })}
          value={n.label}
          onChange={(e) => tree.change(n.id, { label: e.target.value })}
        />
      ) : (
        <p>
          <strong>{n.label}</strong>
        </p>
      )}
      {n.layer === 'benefit' &&
        (canManage ? (
          <BenefitKindSelect
            aria-label={t('tree.kindOf', { label: n.label })}
            value={kind}
            onChange={(benefitKind) => tree.change(n.id, { benefitKind })}
          />
        ) : (
          <p>{n.benefitKind === 'quality' ? t('tree.quality') : t('tree.economic')}</p>
        ))}
      <TreeLinks
        legend={t('tree.comesFrom')}
        others={previous}
        idOf={(p) => `l-${p.id}-${n.id}`}
        checked={(p) => tree.linked(p.id, n.id)}
        onToggle={(p) => tree.toggle(p.id, n.id)}
        disabled={!canManage}
      />
      <TreeLinks
        legend={t('tree.leadsTo')}
        others={next}
        idOf={(m) => `r-${n.id}-${m.id}`}
        checked={(m) => tree.linked(n.id, m.id)}
        onToggle={(m) => tree.toggle(n.id, m.id)}
        disabled={!canManage}
      />
      {canManage && (
        <button type="button" className="button button-secondary" onClick={() => tree.remove(n.id)}>
          {t('tree.removeBox')}
          <span className="sr-only"> {n.label}</span>
        </button>
      )}
    </div>
  );
}
