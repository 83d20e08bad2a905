// The public API's surface for the rest of the portal: who an API request acts for, and the
// service-change hook that turns service changes into webhook events.
export type { ApiPrincipal } from './use-cases/api-clients.js';
export { webhookServiceHook } from './use-cases/webhooks.js';
