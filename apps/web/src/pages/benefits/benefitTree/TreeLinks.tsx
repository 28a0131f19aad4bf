import type { TreeNode } from '@indgang/schemas';

/** The boxes of the neighbouring layer as checkboxes: checked where a link exists. */
export function TreeLinks({
  legend,
  others,
  idOf,
  checked,
  onToggle,
  disabled,
}: {
  legend: string;
  others: TreeNode[];
  idOf(other: TreeNode): string;
  checked(other: TreeNode): boolean;
  onToggle(other: TreeNode): void;
  disabled: boolean;
}) {
  if (others.length === 0) return null;
  return (
    <fieldset className="tree-links">
      <legend>{legend}</legend>
      {others.map((o) => (
        // DKFDS draws each box from its own positioned group; without it every box lands on the first.
        <div key={o.id} className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id={idOf(o)}
            checked={checked(o)}
            disabled={disabled}
            onChange={() => onToggle(o)}
          />
          <label htmlFor={idOf(o)}>{o.label || '…'}</label>
        </div>
      ))}
    </fieldset>
  );
}
