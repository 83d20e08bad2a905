import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { isApiPath, pathOf, registerNoStore, withoutTrailingSlash } from './http/api-paths.js';
import { errorHandler } from './http/problem.js';
import { registerSessionHooks } from './http/session-hooks.js';
import { registerRoutePermissions } from './http/route-permissions.js';
import { approvalRoutes } from './modules/approvals/approvals.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { billingRoutes } from './modules/billing/billing.routes.js';
import { bulkActionRoutes } from './modules/bulk-actions/bulk-actions.routes.js';
import { overviewRoutes } from './modules/services/overview.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { signInSecurityRoutes } from './modules/auth/sign-in-security.routes.js';
import { employeeSignInRoutes } from './modules/auth/employee-sign-in.routes.js';
import { employeeRequestAdminRoutes, myLinesRoutes } from './modules/my-lines/index.js';
import { ssoRoutes } from './modules/auth/sso.routes.js';
import { startSessionCache } from './modules/auth/index.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { companyRoutes } from './modules/companies/companies.routes.js';
import { companyAccountRoutes } from './modules/companies/company-accounts.routes.js';
import { invitationRoutes } from './modules/companies/invitations.routes.js';
import { backOfficeCatalogRoutes } from './modules/catalog/catalog-admin.routes.js';
import { backOfficePortingIssueRoutes } from './modules/activation/back-office-porting.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { mailboxRoutes } from './modules/mail/mailbox.routes.js';
import { activationAdminRoutes, employeeActivationRoutes } from './modules/activation/activation.routes.js';
import { employeeLineRoutes, lineRoutes } from './modules/lines/lines.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { mobileUserRoutes } from './modules/mobile-users/mobile-users.routes.js';
import { apiClientRoutes } from './modules/public-api/api-clients.routes.js';
import { tmfReferenceRoutes } from './modules/public-api/tmf-references.routes.js';
import { tmfServiceInventoryRoutes } from './modules/public-api/tmf-service-inventory.routes.js';
import { tmfProductOrderingRoutes } from './modules/public-api/tmf-product-ordering.routes.js';
import { publicApiDocsRoutes } from './modules/public-api/public-api-docs.routes.js';
import { hubRoutes } from './modules/public-api/hub.routes.js';
import { webhookAdminRoutes } from './modules/public-api/webhooks.routes.js';
import { operatorRoutes } from './modules/operator/operator.routes.js';
import { serviceRoutes } from './modules/services/services.routes.js';
import { stockRoutes } from './modules/stock/stock.routes.js';
import { backOfficeRequestRoutes, requestRoutes } from './modules/requests/requests.routes.js';
import { usageRoutes } from './modules/usage/usage.routes.js';
import { employeeRoamingRoutes, usageAlertRoutes } from './modules/usage/usage-alerts.routes.js';
import { AppError } from './platform/app-error.js';
import { projectRoot } from './platform/project-root.js';
import type { AppDeps } from './deps.js';
import { isPagePath } from '../../web/src/app/page-routes.js';

const webDist = path.join(projectRoot, 'web', 'dist');

/** The composition root: plugins, then hooks, then one route module per domain module. */
export const buildApp = async (deps: AppDeps, opts: FastifyServerOptions = {}) => {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    // trust exactly the configured number of proxy hops in X-Forwarded-For, never a client's own claim
    trustProxy: (_address: string, hop: number) => hop < deps.config.trustProxyHops,
    // TM Forum clients (and their conformance kits) may end a path with a slash
    rewriteUrl: (req) => withoutTrailingSlash(req.url ?? '/'),
    ...opts,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Fleetdesk API',
        version: '0.1.0',
        description:
          'Self-service portal for business mobile fleets. Sign in with POST /api/auth/login; send the `x-csrf-token` header (the `csrfToken` of the sign-in answer) on every change. Errors are RFC 9457 problem details with a stable `code` and translated messages (Accept-Language: en, fr, nl).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fd_session' },
          // the public API (/tmf-api): a token from POST /oauth/token (client credentials)
          bearer: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { 'orders:read': 'read product orders', 'orders:write': 'place product orders', 'services:read': 'read the service inventory', 'events:manage': 'manage event subscriptions' } } } },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // puts the schemas named with .meta({ id }) (Problem, …) under components, where their $refs point
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // signed-in requests are checked from memory; the database announces every revocation (session-cache.ts)
  const sessions = deps.config.sessionCacheSeconds > 0 ? await startSessionCache(deps.database, deps.config.sessionCacheSeconds * 1000) : null;
  if (sessions) app.addHook('onClose', sessions.stop);
  registerSessionHooks(app, deps.db, sessions?.cache, sessions?.employeeCache);
  registerNoStore(app);
  // who may call which route: one table, checked on every request (after the session is known)
  const permissions = registerRoutePermissions(app);

  for (const routes of [healthRoutes, operatorRoutes, authRoutes, companyRoutes, invitationRoutes, catalogRoutes, backOfficeCatalogRoutes, backOfficePortingIssueRoutes, mobileUserRoutes, importRoutes, serviceRoutes, overviewRoutes, bulkActionRoutes, billingRoutes, activationAdminRoutes, employeeActivationRoutes, lineRoutes, employeeLineRoutes, stockRoutes, auditRoutes, mailboxRoutes, requestRoutes, backOfficeRequestRoutes, apiClientRoutes, tmfServiceInventoryRoutes, tmfProductOrderingRoutes, publicApiDocsRoutes, usageRoutes, signInSecurityRoutes, ssoRoutes, companyAccountRoutes, usageAlertRoutes, employeeRoamingRoutes, hubRoutes, webhookAdminRoutes, approvalRoutes, employeeSignInRoutes, myLinesRoutes, employeeRequestAdminRoutes, tmfReferenceRoutes]) {
    await app.register(routes(deps));
  }
  permissions.assertEveryRouteClassified();

  // wildcard: files are looked up per request, so a rebuild of web/dist is served without a restart.
  fs.mkdirSync(webDist, { recursive: true });
  await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler(async (req, reply) => {
    // The browser app routes on the client: its own addresses (web/src/app/page-routes.ts) get its
    // page; anything else — an API path, a missing asset, /robots.txt — is a real 404.
    const at = pathOf(req.url);
    if (req.method !== 'GET' || isApiPath(at) || !isPagePath(at)) throw new AppError('NOT_FOUND');
    if (!fs.existsSync(path.join(webDist, 'index.html'))) {
      return reply.status(503).type('text/plain').send('The web app is not built: run `npm run build:web`.');
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
};
