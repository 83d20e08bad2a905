// The usage module's public surface: what the bill reads of a month's usage.
export { outOfBundleCharges } from './use-cases/usage-views.js';
// My lines: an employee's own line's month, as the service's usage page has it.
export { serviceUsage } from './use-cases/usage-views.js';
