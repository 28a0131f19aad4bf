import { useState } from 'react';
import { TREE_LAYER_LABEL, type TreeLayer } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { BenefitKindSelect, type BenefitKind } from './BenefitKindSelect';

/** Adds a box to a layer (a benefit with its kind). */
export function NewBoxForm({
  layer,
  onAdd,
}: {
  layer: TreeLayer;
  onAdd(label: string, benefitKind: BenefitKind): void;
}) {
  const { t, pick } = useI18n();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<BenefitKind>('economic');
  return (
    <form
      className="no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (!label.trim()) return;
        onAdd(label.trim(), kind);
        setLabel('');
      }}
    >
      <div className="form-group">
        <label className="form-label" htmlFor={`new-${layer}`}>
          {t('tree.newBox')}
        </label>
        <input
          id={`new-${layer}`}
          className="form-input"
          maxLength={300}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      {layer === 'benefit' && (
        <div className="form-group">
          <label className="form-label" htmlFor="new-kind">
            {t('tree.kind')}
          </label>
          <BenefitKindSelect id="new-kind" value={kind} onChange={setKind} />
        </div>
      )}
      <button type="submit" className="button button-secondary">
        {t('tree.addTo', { layer: pick(TREE_LAYER_LABEL[layer]).toLowerCase() })}
      </button>
    </form>
  );
}
