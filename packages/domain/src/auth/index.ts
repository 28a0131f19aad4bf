export { createSession, authenticateSession, endSession, type Session } from './sessions';
export { listDemoUsers, type DemoUser } from './listDemoUsers';
export { resolveOidcUser, type OidcClaims } from './resolveOidcUser';
