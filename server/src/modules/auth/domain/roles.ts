/**
 * Who may do what. A company account has one of four roles; operator staff are a role of their own.
 * Every API route names the one permission it needs (server/src/http/route-permissions.ts), and the
 * browser hides what the account's permissions (sent with GET /api/auth/me) do not include, so this
 * table is the only place where a role's rights are written down.
 */
export const COMPANY_ROLES = ['owner', 'administrator', 'read_only', 'billing'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];
/**
 * An employee signed in to My lines (a magic link, modules/auth/use-cases/employee-sign-in.ts) is
 * not an account: a session kind of its own, whose only right is its own lines — no company
 * permission includes it, and it has none of theirs.
 */
export type Role = CompanyRole | 'operator' | 'employee';
export const ROLES: readonly Role[] = [...COMPANY_ROLES, 'operator', 'employee'];

const EVERY_COMPANY_ROLE: readonly Role[] = COMPANY_ROLES;
const FLEET_READERS: readonly Role[] = ['owner', 'administrator', 'read_only'];
const FLEET_CHANGERS: readonly Role[] = ['owner', 'administrator'];

/**
 * Each permission and the roles that have it. Read-only sees everything of the fleet and exports,
 * changes nothing; billing sees the bill, usage and cost pages (the service overview and its
 * export included) but no user or line; the owner alone manages the company's accounts and its
 * API clients. PIN/PUK and eSIM codes are what one needs to use a line: they go with changing it.
 */
export const PERMISSIONS = {
  /** Company & contract: the company, its contract and offices. */
  'company.read': EVERY_COMPANY_ROLE,
  'company.change': FLEET_CHANGERS,
  /** The service overview (dashboard, list, CSV export). */
  'overview.read': EVERY_COMPANY_ROLE,
  /** Mobile users, services, waiting services, porting issues, imports, requests: reading. */
  'services.read': FLEET_READERS,
  /** Any change to users, services, lines, imports and requests; PIN/PUK and eSIM code look-ups. */
  'services.change': FLEET_CHANGERS,
  /** Next bill. */
  'billing.read': EVERY_COMPANY_ROLE,
  /** Usage (and its CSV export). */
  'usage.read': EVERY_COMPANY_ROLE,
  'audit.read': FLEET_READERS,
  /** Approve or reject another person's order that waits for approval (modules/approvals); never one's own. */
  'approvals.decide': FLEET_CHANGERS,
  /** Turn approvals on or off and set their monthly amount. */
  'approvals.configure': ['owner'],
  'apiClients.read': FLEET_READERS,
  'apiClients.manage': ['owner'],
  /** The company's accounts: list, invite, change role, deactivate, reactivate. */
  'accounts.manage': ['owner'],
  /** Everything under the back office: companies, stock, catalog, the request queue. */
  'backOffice': ['operator'],
  /** My lines: the signed-in employee's own lines, their lost-phone report and their requests — nobody else's. */
  'ownLines': ['employee'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const can = (role: Role, permission: Permission): boolean => (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** What a role may do, as the browser receives it. */
export const permissionsOf = (role: Role): Permission[] => PERMISSION_NAMES.filter((p) => can(role, p));

/** The role of a signed-in account: operator staff, or the company role of a company account. */
export const roleOf = (account: { role: 'admin' | 'operator'; companyRole: CompanyRole | null }): Role =>
  account.role === 'operator' ? 'operator' : (account.companyRole ?? 'read_only');
