import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/app-error.js';
import { can, roleOf, type Permission, type Role } from '../modules/auth/domain/roles.js';

/**
 * Who may call what: every route of the portal and the one thing it needs. This is the one table of
 * the portal's rights — the roles behind each permission are in modules/auth/domain/roles.ts — and
 * it is checked for every request before the body is read or validated (a refused request costs
 * nothing and leaves nothing written). A route missing here stops the portal at start-up, and
 * tests/integration/back-office-roles.int.test.ts calls every route of the OpenAPI document as
 * every role, so no route can be added without saying who may call it.
 *
 * - `public`: nobody needs to be signed in (sign-in, health, invitation and activation links, whose
 *   token is the credential; the development mailbox, which checks the caller's address itself);
 * - `signedIn`: any signed-in account (who am I, sign-out, the catalog) — not an employee's session;
 * - `apiClient`: the public API, authenticated by an API client's bearer token and its scopes
 *   (modules/public-api/bearer-auth.ts), never by a session;
 * - a permission: a signed-in account whose role has it; `ownLines` is the one permission of an
 *   employee signed in to My lines (a session of its own kind, never an account's: see roles.ts).
 */
export type RouteAccess = 'public' | 'signedIn' | 'apiClient' | Permission;

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // ---------------------------------------------------------------- anyone
  'GET /api/health': 'public',
  'GET /api/operator': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/invitations/:token': 'public',
  'POST /api/auth/invitations/:token/password': 'public',
  'GET /api/activation/:token': 'public',
  'POST /api/activation/:token/sim': 'public',
  'POST /api/activation/:token/activate': 'public',
  'GET /api/activation/:token/puk': 'public',
  'POST /api/activation/:token/report-lost': 'public',
  'POST /api/activation/:token/replacement-sim': 'public',
  'GET /api/activation/:token/roaming-block': 'public',
  'POST /api/activation/:token/roaming-block/lift': 'public',
  // forgot password (the link's token is the credential) and the second step of a sign-in (its
  // short-lived challenge cookie is: no session exists yet)
  'POST /api/auth/password-reset': 'public',
  'GET /api/auth/password-reset/:token': 'public',
  'POST /api/auth/password-reset/:token/password': 'public',
  'POST /api/auth/second-step/code': 'public',
  'POST /api/auth/second-step/enrolment': 'public',
  'POST /api/auth/second-step/enrolment/confirm': 'public',
  // the employee's sign-in to My lines: asking for a link (same answer for any address), following it
  'POST /api/employee/sign-in': 'public',
  'POST /api/employee/sign-in/:token': 'public',
  // single sign-on: whether an address goes to its company's provider, the start of such a sign-in,
  // and the provider's way back (its state cookie and the code are the credential)
  'POST /api/auth/sso/check': 'public',
  'POST /api/auth/sso/start': 'public',
  'GET /api/auth/sso/callback': 'public',
  'GET /api/dev/mailbox': 'public',
  'GET /api/dev/mailbox/:id': 'public',

  // ---------------------------------------------------------------- any signed-in account
  'POST /api/auth/logout': 'signedIn',
  'GET /api/auth/me': 'signedIn',
  'PUT /api/auth/me/language': 'signedIn',
  'GET /api/catalog': 'signedIn',
  // one's own two-step sign-in and sessions
  'GET /api/auth/two-factor': 'signedIn',
  'POST /api/auth/two-factor/enrolment': 'signedIn',
  'POST /api/auth/two-factor/enrolment/confirm': 'signedIn',
  'POST /api/auth/two-factor/disable': 'signedIn',
  'POST /api/auth/two-factor/recovery-codes': 'signedIn',
  'GET /api/auth/sessions': 'signedIn',
  'DELETE /api/auth/sessions/:sessionId': 'signedIn',
  'POST /api/auth/sessions/end-others': 'signedIn',

  // ---------------------------------------------------------------- company & contract
  'GET /api/company': 'company.read',
  'POST /api/company/offices': 'company.change',
  'PUT /api/company/offices/:officeId': 'company.change',
  'DELETE /api/company/offices/:officeId': 'company.change',
  'GET /api/company/api-clients': 'apiClients.read',
  'POST /api/company/api-clients': 'apiClients.manage',
  'DELETE /api/company/api-clients/:apiClientId': 'apiClients.manage',
  // the API clients' webhook subscriptions and their delivery log: read with the clients, acted on by their owner
  'GET /api/company/webhooks/hubs': 'apiClients.read',
  'POST /api/company/webhooks/hubs/:hubId/enable': 'apiClients.manage',
  'GET /api/company/webhooks/deliveries': 'apiClients.read',
  'POST /api/company/webhooks/deliveries/:deliveryId/replay': 'apiClients.manage',
  // whether the company requires two-step sign-in: the owner decides, as for the accounts
  'GET /api/company/two-factor': 'company.read',
  'PUT /api/company/two-factor': 'accounts.manage',
  // approvals of orders above the company's monthly amount: the owner sets the amount; owners and
  // administrators decide others' orders (the use case refuses one's own); whoever placed an order
  // withdraws it; the fleet's readers follow them
  'GET /api/company/approval-settings': 'services.read',
  'PUT /api/company/approval-settings': 'approvals.configure',
  'GET /api/approvals': 'services.read',
  'GET /api/approvals/summary': 'services.read',
  'GET /api/approvals/:approvalId': 'services.read',
  'POST /api/approvals/:approvalId/approve': 'approvals.decide',
  'POST /api/approvals/:approvalId/reject': 'approvals.decide',
  'POST /api/approvals/:approvalId/cancel': 'services.change',
  // single sign-on: everyone of the company sees how it signs in; the owner sets it up
  'GET /api/company/sso': 'company.read',
  'PUT /api/company/sso': 'accounts.manage',
  'GET /api/company/accounts': 'accounts.manage',
  'POST /api/company/accounts': 'accounts.manage',
  'PUT /api/company/accounts/:accountId/role': 'accounts.manage',
  'POST /api/company/accounts/:accountId/deactivate': 'accounts.manage',
  'POST /api/company/accounts/:accountId/reactivate': 'accounts.manage',
  'POST /api/company/accounts/:accountId/resend-invitation': 'accounts.manage',

  // ---------------------------------------------------------------- mobile users and services
  'GET /api/mobile-users': 'services.read',
  'GET /api/mobile-users/cost-centres': 'services.read',
  'POST /api/mobile-users/cost-centre': 'services.change',
  'POST /api/mobile-users': 'services.change',
  'GET /api/mobile-users/:id': 'services.read',
  'PATCH /api/mobile-users/:id': 'services.change',
  'GET /api/mobile-users/:id/audit': 'services.read',
  'POST /api/mobile-users/:id/services/check': 'services.change',
  'POST /api/mobile-users/:id/services': 'services.change',
  'GET /api/wizard/stock': 'services.change',
  'GET /api/wizard/port-candidates': 'services.change',
  'GET /api/wizard/fixed-numbers': 'services.change',
  'GET /api/services/waiting': 'services.read',
  'POST /api/services/start': 'services.change',
  'POST /api/services/schedule': 'services.change',
  'GET /api/services/deletion-quota': 'services.read',
  'GET /api/services/:id': 'services.read',
  'GET /api/services/:id/change-options': 'services.change',
  'POST /api/services/:id/change/preview': 'services.change',
  'POST /api/services/:id/change': 'services.change',
  'POST /api/services/:id/delete': 'services.change',
  'POST /api/services/:id/cancel': 'services.change',
  'POST /api/services/:id/resend-activation': 'services.change',
  'POST /api/services/:id/retry-activation': 'services.change',
  'GET /api/services/:id/esim-code': 'services.change',
  'GET /api/services/:id/sim-codes': 'services.change',
  'POST /api/services/:id/resend-esim-qr': 'services.change',
  'POST /api/services/:id/suspend/preview': 'services.change',
  'POST /api/services/:id/resume/preview': 'services.change',
  'POST /api/services/:id/suspend': 'services.change',
  'POST /api/services/:id/resume': 'services.change',
  'POST /api/services/:id/report-lost': 'services.change',
  'POST /api/services/:id/lift-bar': 'services.change',
  'POST /api/services/:id/swap-sim': 'services.change',
  'POST /api/services/:id/line-operations/:operationId/retry': 'services.change',
  'GET /api/porting-issues': 'services.read',
  'POST /api/porting-issues/:id/resubmit': 'services.change',
  'GET /api/imports': 'services.read',
  'POST /api/imports': 'services.change',
  'GET /api/imports/template.csv': 'services.read',
  'POST /api/imports/check': 'services.change',
  'GET /api/imports/:id': 'services.read',
  'GET /api/imports/:id/failed-rows.csv': 'services.read',
  'GET /api/requests': 'services.read',
  'GET /api/requests/services': 'services.change',
  'POST /api/requests': 'services.change',
  'GET /api/requests/:id': 'services.read',
  'POST /api/requests/:id/comments': 'services.change',
  'POST /api/requests/:id/withdraw': 'services.change',

  // ---------------------------------------------------------------- overview, bill, usage, audit
  'GET /api/service-overview': 'overview.read',
  'GET /api/service-overview/count': 'overview.read',
  'GET /api/service-overview/facets': 'overview.read',
  'GET /api/service-overview/summary': 'overview.read',
  'GET /api/service-overview/export.csv': 'overview.read',
  // bulk actions on services: reading their progress, and starting one (a change of every service in it)
  'GET /api/service-bulk-actions': 'services.read',
  'GET /api/service-bulk-actions/:id': 'services.read',
  'GET /api/service-bulk-actions/:id/items': 'services.read',
  'POST /api/service-bulk-actions/preview': 'services.change',
  'POST /api/service-bulk-actions': 'services.change',
  'GET /api/billing/next-bill': 'billing.read',
  // chargeback by cost centre: the bill, grouped (billing's own report)
  'GET /api/billing/chargeback': 'billing.read',
  'GET /api/billing/chargeback.csv': 'billing.read',
  'GET /api/usage': 'usage.read',
  'GET /api/usage/export.csv': 'usage.read',
  'GET /api/services/:id/usage': 'usage.read',
  // usage alerts, the roaming cap and barring (BIPT): reading them with the usage, changing them is a change of the line
  'GET /api/company/usage-alerts': 'usage.read',
  'PUT /api/company/usage-alerts': 'company.change',
  'GET /api/services/:id/usage-controls': 'usage.read',
  'PUT /api/services/:id/usage-alerts': 'services.change',
  'PUT /api/services/:id/barrings/:kind': 'services.change',
  'POST /api/services/:id/roaming-block/lift': 'services.change',
  'GET /api/audit': 'audit.read',

  // ---------------------------------------------------------------- My lines (an employee's own session)
  'GET /api/employee/me': 'ownLines',
  'POST /api/employee/sign-out': 'ownLines',
  'GET /api/employee/lines': 'ownLines',
  'GET /api/employee/lines/:id/puk': 'ownLines',
  'GET /api/employee/lines/:id/change-options': 'ownLines',
  'POST /api/employee/lines/:id/report-lost': 'ownLines',
  'POST /api/employee/requests': 'ownLines',
  'POST /api/employee/requests/:id/cancel': 'ownLines',
  // the employees' requests, as the company's administrators decide them
  'GET /api/employee-requests': 'services.read',
  'GET /api/employee-requests/:id/preview': 'services.change',
  'POST /api/employee-requests/:id/approve': 'services.change',
  'POST /api/employee-requests/:id/refuse': 'services.change',

  // ---------------------------------------------------------------- back office (operator staff)
  'GET /api/companies': 'backOffice',
  'POST /api/companies': 'backOffice',
  'GET /api/companies/:id': 'backOffice',
  'PUT /api/companies/:id': 'backOffice',
  'PUT /api/companies/:id/contract': 'backOffice',
  'POST /api/companies/:id/offices': 'backOffice',
  'PUT /api/companies/:id/offices/:officeId': 'backOffice',
  'DELETE /api/companies/:id/offices/:officeId': 'backOffice',
  'POST /api/companies/:id/administrators': 'backOffice',
  'POST /api/companies/:id/administrators/:accountId/resend-invitation': 'backOffice',
  'POST /api/companies/:id/administrators/:accountId/deactivate': 'backOffice',
  'POST /api/companies/:id/administrators/:accountId/reactivate': 'backOffice',
  'GET /api/companies/:id/sim-cards': 'backOffice',
  'POST /api/companies/:id/sim-cards': 'backOffice',
  'POST /api/companies/:id/sim-cards/import': 'backOffice',
  'GET /api/companies/:id/fixed-numbers': 'backOffice',
  'POST /api/companies/:id/fixed-numbers': 'backOffice',
  'POST /api/companies/:id/fixed-numbers/import': 'backOffice',
  'GET /api/companies/:companyId/imports': 'backOffice',
  'POST /api/companies/:companyId/imports': 'backOffice',
  'GET /api/companies/:companyId/imports/template.csv': 'backOffice',
  'POST /api/companies/:companyId/imports/check': 'backOffice',
  'GET /api/companies/:companyId/imports/:id': 'backOffice',
  'GET /api/companies/:companyId/imports/:id/failed-rows.csv': 'backOffice',
  'GET /api/mobile-number-pool': 'backOffice',
  'POST /api/mobile-number-pool': 'backOffice',
  'POST /api/mobile-number-pool/import': 'backOffice',
  'GET /api/back-office/operator-staff': 'backOffice',
  'GET /api/back-office/porting-issues': 'backOffice',
  'GET /api/back-office/catalog': 'backOffice',
  'PATCH /api/back-office/catalog/:kind/:code': 'backOffice',
  'GET /api/back-office/catalog/prices/:itemKind/:itemCode': 'backOffice',
  'POST /api/back-office/catalog/prices': 'backOffice',
  'DELETE /api/back-office/catalog/prices/:id': 'backOffice',
  'GET /api/back-office/requests': 'backOffice',
  'GET /api/back-office/requests/:id': 'backOffice',
  'POST /api/back-office/requests/:id/assign': 'backOffice',
  'POST /api/back-office/requests/:id/transitions': 'backOffice',
  'POST /api/back-office/requests/:id/comments': 'backOffice',

  // ---------------------------------------------------------------- public API (TM Forum), by bearer token
  'POST /oauth/token': 'public',
  'GET /tmf-api/docs': 'public',
  'GET /tmf-api/docs/json': 'public',
  'GET /tmf-api/docs/start.js': 'public',
};

/** The table's key of a route: its method and its path pattern as registered. */
export const routeKey = (method: string, url: string) => `${method} ${url}`;

/** Whether a route is one the table must classify: the API and the public API, not the browser app's files. */
const isClassified = (url: string) => (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url.startsWith('/tmf-api/') || url.startsWith('/oauth/');

/** Public-API routes (not their documentation) are all reached by bearer token: their scopes are checked by the public-API module. */
const accessOf = (method: string, url: string): RouteAccess | undefined =>
  ROUTE_ACCESS[routeKey(method, url)] ?? (url.startsWith('/tmf-api/') && !url.startsWith('/tmf-api/docs') ? 'apiClient' : undefined);

/**
 * Registers the check: every request to a classified route is refused before its body is parsed
 * unless the signed-in account's role has the route's permission (401 signed out, 403 otherwise).
 * Call before any route is registered; `assertEveryRouteClassified` after the last one.
 */
export const registerRoutePermissions = (app: FastifyInstance) => {
  const unclassified: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
    if (!isClassified(route.url)) return;
    for (const method of methods) {
      if (!accessOf(method, route.url)) unclassified.push(routeKey(method, route.url));
    }
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const url = req.routeOptions.url;
    if (!url || !isClassified(url)) return;
    const access = accessOf(req.method === 'HEAD' ? 'GET' : req.method, url);
    if (access === 'public' || access === 'apiClient') return;
    // an account's role, or an employee's session (My lines): two kinds that share no right
    const role: Role | null = req.account ? roleOf(req.account) : req.employee ? 'employee' : null;
    if (!role) throw new AppError('AUTH.NOT_SIGNED_IN');
    if (access === 'signedIn') {
      if (!req.account) throw new AppError('AUTH.FORBIDDEN');
      return;
    }
    if (!access || !can(role, access)) throw new AppError('AUTH.FORBIDDEN');
  });
  return {
    assertEveryRouteClassified: () => {
      if (unclassified.length) throw new Error(`Routes without a permission in server/src/http/route-permissions.ts: ${unclassified.join(', ')}`);
    },
  };
};
