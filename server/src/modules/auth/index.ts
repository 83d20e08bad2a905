// The auth module's public surface for the HTTP layer: who is signed in.
export { findSession, type SessionAccount } from './auth.repository.js';
