export { createSession, findSession, endSession, type Session } from './sessions';
export { listDemoUsers, type DemoUser } from './listDemoUsers';
export { resolveOidcUser, type OidcClaims } from './resolveOidcUser';
