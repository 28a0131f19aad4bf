export { listUnits, type UnitSummary } from './listUnits';
export { getUnit, type UnitDetail } from './getUnit';
export { searchPersons, type PersonHit } from './searchPersons';
export { getPerson, type PersonDetail } from './getPerson';
export { readProfile } from './readProfile';
