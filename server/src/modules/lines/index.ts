// The line operations' public surface, for the bulk actions of the Service overview (same use cases per line).
export { checkUntil as checkSuspensionUntil, previewSuspension, resumeLine, suspendLine } from './use-cases/line-operations.js';
