export { createDelegation, DEFAULT_DELEGATION_MAX_MONTHS, type DelegationInput } from './createDelegation';
export { delegationInForce } from './delegationInForce';
export { listDelegations } from './listDelegations';
export { revokeDelegation } from './revokeDelegation';
