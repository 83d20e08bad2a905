import type { Problem, ProblemFieldError } from './contract';
// The one way the browser talks to the Fleetdesk API.
// - sends the session cookie, JSON, the UI language (Accept-Language) and, on every
//   state-changing request, the CSRF token from the readable `fd_csrf` cookie;
// - turns application/problem+json answers into an ApiError whose field errors a form can
//   place under the right input (their messages are already translated by the server);
// - reports a 401 on an authenticated call to the app, which then shows the sign-in page.


export type ApiFieldError = ProblemFieldError;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ApiFieldError[];
  /** The whole problem body, for the members some answers add (such as an import's `rows`). */
  readonly problem: Record<string, unknown>;

  constructor(init: { status: number; code: string; detail: string; errors?: ApiFieldError[]; problem?: Record<string, unknown> }) {
    super(init.detail || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.problem = init.problem ?? {};
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type ApiConfig = {
  getLanguage: () => string;
  onUnauthorized: () => void;
};

const config: ApiConfig = {
  getLanguage: () => 'en',
  onUnauthorized: () => {},
};

let csrfFallback: string | null = null;

export const configureApi = (next: Partial<ApiConfig>): void => {
  Object.assign(config, next);
};

/** The login and /me answers carry the token too; kept in case the cookie is not readable. */
export const rememberCsrfToken = (token: string | null | undefined): void => {
  csrfFallback = token ?? null;
};

const readCookie = (name: string): string | null => {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
};

type QueryValue = string | number | boolean | null | undefined;

const toQueryString = (query: Record<string, QueryValue> | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is rather than as JSON, e.g. a CSV file (as text, or the file itself). */
  text?: { content: string | Blob; type: string };
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** For calls where 401 is an expected answer (sign-in, "who am I"). */
  expectUnauthorized?: boolean;
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return new ApiError({
        status: response.status,
        code: body.code ?? `HTTP_${response.status}`,
        detail: body.detail ?? body.title ?? '',
        errors: Array.isArray(body.errors) ? body.errors : [],
        problem: body,
      });
    } catch {
      // fall through to a generic error
    }
  }
  return new ApiError({ status: response.status, code: `HTTP_${response.status}`, detail: '' });
};

export const apiRequest = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': config.getLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.text) headers['Content-Type'] = options.text.type;
  if (method !== 'GET') {
    const token = readCookie('fd_csrf') ?? csrfFallback;
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.text ? options.text.content : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', detail: '' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.expectUnauthorized) config.onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
};

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  postText: <T>(path: string, content: string, type: string) => apiRequest<T>(path, { method: 'POST', text: { content, type } }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
