import { decisionError } from './decisionError';
import { evaluateDecisionTable } from './evaluateDecisionTable';
import { selectDecisionVersion } from './selectDecisionVersion';
import type { DecisionInputs, DecisionResult, DecisionTableVersions } from './types';

/**
 * Decides with the version of a table that applies: on the date of the table's date input (the trip
 * date of a mileage claim) when it names one, else on the date given.
 */
export function evaluateDecision(
  tables: DecisionTableVersions,
  inputs: DecisionInputs,
  on?: string,
): DecisionResult {
  const date = tables.dateInput ? inputs[tables.dateInput] : on;
  if (typeof date !== 'string') {
    const what = tables.dateInput
      ? { da: `inputtet "${tables.dateInput}"`, en: `the input "${tables.dateInput}"` }
      : { da: 'en dato', en: 'a date' };
    throw decisionError('decision_date', {
      da: `"${tables.name}" kræver ${what.da} for at vælge den version, der gælder.`,
      en: `"${tables.name}" needs ${what.en} to choose the version that applies.`,
    });
  }
  return evaluateDecisionTable(selectDecisionVersion(tables, date), inputs);
}
