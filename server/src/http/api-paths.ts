import type { FastifyInstance } from 'fastify';

/** Where the machine interfaces live: the portal's API, the TM Forum APIs and their OAuth token endpoint. Never a page. */
const API_PREFIXES = ['/api', '/tmf-api', '/oauth'];

/** The path of a request URL, without its query string. */
export const pathOf = (url: string) => url.split('?', 1)[0] || '/';

export const isTmfPath = (path: string) => path === '/tmf-api' || path.startsWith('/tmf-api/');

export const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * `/tmf-api/…/service/?limit=5` → `/tmf-api/…/service?limit=5`, and the same under /api and /oauth
 * (machine clients, the TM Forum kits among them, may end a path with a slash); the web app's pages
 * and Swagger UI (whose page lives at /api/docs/) as they are.
 */
export const withoutTrailingSlash = (url: string) => {
  const path = pathOf(url);
  if (!isApiPath(path) || !path.endsWith('/') || path.startsWith('/api/docs') || API_PREFIXES.some((p) => `${p}/` === path)) return url;
  return path.replace(/\/+$/, '') + url.slice(path.length);
};

// Swagger UI's scripts and styles are files like the web app's, which the browser may keep.
const isApiDocsFile = (path: string) => path.startsWith('/api/docs/static/');

/**
 * An API answer holds one person's data (and `GET /api/auth/me` their CSRF token): no browser cache
 * or proxy on the way may keep it. Every answer under the API prefixes says so, errors and 404s
 * included; the web app's files keep the caching @fastify/static gives them.
 */
export const registerNoStore = (app: FastifyInstance) => {
  app.addHook('onSend', async (req, reply, payload) => {
    const path = pathOf(req.url);
    if (isApiPath(path) && !isApiDocsFile(path)) reply.header('cache-control', 'no-store');
    return payload;
  });
};
