import type { SessionAccount } from './auth.repository.js';
import { permissionsOf, roleOf } from './domain/roles.js';

/** The signed-in account as the browser receives it (at sign-in and from /api/auth/me): with what its role may do. */
export const meOf = (account: SessionAccount, csrfToken: string) => ({ account: { ...account, permissions: permissionsOf(roleOf(account)) }, csrfToken });
