import type { TServiceDefinition, TText } from '@indgang/schemas';

/**
 * The outcome a resolved case shows: the label of the service's outcome it was resolved with (in
 * both languages, as the pinned version gives it), else the stored label or free text.
 */
export function caseOutcome(
  def: Pick<TServiceDefinition, 'outcomes'>,
  row: { outcomeId: string | null; outcome: string | null },
): { id: string | null; label: TText } | null {
  const listed = row.outcomeId ? def.outcomes.find((o) => o.id === row.outcomeId) : undefined;
  if (listed) return { id: listed.id, label: listed.label };
  return row.outcome ? { id: row.outcomeId, label: row.outcome } : null;
}
