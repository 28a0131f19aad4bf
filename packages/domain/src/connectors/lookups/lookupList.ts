import type { LookupName } from '@indgang/schemas';
import type { LookupOperation } from './LookupOperation';
import { payrollEmploymentsLookup } from './payrollEmploymentsLookup';
import { payrollPayslipsLookup } from './payrollPayslipsLookup';

/** Every read a user may ask of a municipal system, by name. */
export const LOOKUPS: readonly LookupOperation<unknown>[] = [
  payrollEmploymentsLookup as LookupOperation<unknown>,
  payrollPayslipsLookup as LookupOperation<unknown>,
];

const byName = new Map<string, LookupOperation<unknown>>(LOOKUPS.map((l) => [l.name, l]));
export const lookupOperation = (name: LookupName | string) => byName.get(name);
