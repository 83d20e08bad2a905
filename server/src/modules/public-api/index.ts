// The public API's surface for the rest of the portal: who an API request acts for.
export type { ApiPrincipal } from './use-cases/api-clients.js';
