import { isCalendarDate } from '@indgang/schemas';
import { decisionError } from './decisionError';
import type { DecisionTable, DecisionTableVersions } from './types';

/**
 * The version of a table that applies on a date: the latest that started on or before it, unless it
 * ended before it. "From 1 January the rate is …" is a version with `effectiveFrom` 1 January.
 */
export function selectDecisionVersion(tables: DecisionTableVersions, on: string): DecisionTable {
  if (!isCalendarDate(on)) {
    throw decisionError('decision_date', {
      da: `"${tables.name}" skal bruges på en dato ÅÅÅÅ-MM-DD, ikke ${JSON.stringify(on)}.`,
      en: `"${tables.name}" must be used on a date YYYY-MM-DD, not ${JSON.stringify(on)}.`,
    });
  }
  const version = tables.versions.filter((v) => v.effectiveFrom <= on).at(-1);
  if (!version || (version.effectiveTo !== undefined && version.effectiveTo < on)) {
    throw decisionError(
      'decision_no_version',
      {
        da: `Ingen version af "${tables.name}" gælder den ${on}.`,
        en: `No version of "${tables.name}" applies on ${on}.`,
      },
      'unprocessable',
    );
  }
  return version;
}
