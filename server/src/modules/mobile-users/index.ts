// The mobile-users module's public surface for other modules.
export { findMobileUserRow } from './mobile-users.repository.js';
export { createMobileUser, updateMobileUserDetails } from './use-cases/save-mobile-user.js';
