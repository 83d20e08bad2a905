// The auth module's public surface for the HTTP layer: who is signed in.
export { findSession, type SessionAccount } from './auth.repository.js';
// Changes made elsewhere to sessions, accounts or company names drop what this process remembers.
export { forgetSessions, startSessionCache, type FoundEmployeeSession, type SessionCache } from './session-cache.js';
// Employees signed in to My lines: a session kind of its own (a mobile user, never an account).
export { findEmployeeSession, isEmployeeToken, type SessionEmployee } from './employee-sessions.repository.js';
// The sessions page's "last seen", noted by the HTTP layer on signed-in requests.
export { noteSessionSeen } from './session-seen.js';
