// The usage module's public surface: what the bill reads of a month's usage.
export { outOfBundleCharges } from './use-cases/usage-views.js';
