export { createDelegation, type DelegationInput } from './createDelegation';
export { listDelegations } from './listDelegations';
export { revokeDelegation } from './revokeDelegation';
