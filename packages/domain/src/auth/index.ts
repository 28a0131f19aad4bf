export { createSession, type Session } from './createSession';
export { authenticateSession } from './authenticateSession';
export { endSession } from './endSession';
export { listDemoUsers, type DemoUser } from './listDemoUsers';
export { resolveOidcUser, type OidcClaims } from './resolveOidcUser';
export { startDemoSession } from './startDemoSession';
export { describeUser, type UserDescription } from './describeUser';
export { setLocale } from './setLocale';
