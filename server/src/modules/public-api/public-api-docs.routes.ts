import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';

type OpenApiDocument = { info: Record<string, unknown>; paths: Record<string, unknown>; security?: unknown; [key: string]: unknown };

const isPublicPath = (path: string) => path.startsWith('/tmf-api/') || path === '/oauth/token';

// Swagger UI's own files, served by @fastify/swagger-ui under /api/docs/static; the start-up script is
// a file of ours because the content security policy allows no inline script.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fleetdesk public API</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/tmf-api/docs/start.js"></script></body></html>`;
const START = `window.ui = SwaggerUIBundle({ url: '/tmf-api/docs/json', dom_id: '#swagger-ui', deepLinking: true });`;

/**
 * The public API's own OpenAPI document (/tmf-api/docs/json) and its Swagger UI (/tmf-api/docs):
 * the TM Forum resources and the token endpoint, taken from the one document the routes build, so
 * the two can never disagree. The portal's browser API stays at /api/docs.
 */
export const publicApiDocsRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/tmf-api/docs/json', { schema: { hide: true } }, async () => {
      const full = (app as unknown as { swagger(): OpenApiDocument }).swagger();
      return {
        ...full,
        info: {
          title: 'Fleetdesk public API',
          version: '4.0.0',
          description:
            "TM Forum Open APIs for a company's own systems: TMF622 Product Ordering v4 and TMF638 Service Inventory v4. Create an API client under Company & contract, exchange its id and secret for a bearer token at POST /oauth/token (client credentials, RFC 6749 §4.4), and send `Authorization: Bearer <token>`. Errors are TMF630 Error bodies; lists take `fields`, `offset`, `limit` and attribute filters and answer X-Total-Count and X-Result-Count.",
        },
        security: [{ bearer: [] }],
        paths: Object.fromEntries(Object.entries(full.paths).filter(([path]) => isPublicPath(path))),
      };
    });
    app.get('/tmf-api/docs', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send(PAGE));
    app.get('/tmf-api/docs/start.js', { schema: { hide: true } }, async (_req, reply) => reply.type('application/javascript').send(START));
  };
