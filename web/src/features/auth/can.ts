import type { Me } from '../../shared/api/contract';
import { useMe } from './session';

/** A permission of the server's role table (server/src/modules/auth/domain/roles.ts). */
export type Permission = Me['account']['permissions'][number];

/** Whether the account may do this: the server sends its role's permissions with the account. */
export const can = (me: Me | null | undefined, permission: Permission): boolean => me?.account.permissions.includes(permission) ?? false;

/**
 * Whether the signed-in account may do this. Every page shows an action only when this says yes,
 * so a read-only or billing account sees no button it could not use (the API refuses it anyway).
 */
export const useCan = (permission: Permission): boolean => can(useMe().data, permission);
