// The line operations' public surface, for the bulk actions of the Service overview (same use cases per line).
export { checkUntil as checkSuspensionUntil, previewSuspension, resumeLine, suspendLine } from './use-cases/line-operations.js';
// The lines module's public surface for other modules: a barring asked of the network through the
// line operations (usage alerts bar roaming at its cap and lift it again).
export { changeBarringIn, pendingBarrings } from './use-cases/line-operations.js';
export type { BarringCause } from './domain/line-operations.js';
// My lines (modules/my-lines): the employee's lost-phone report and their approved requests for a new eSIM run the administrator's use cases.
export { reportLostByEmployeeIn, requestSimSwap } from './use-cases/line-operations.js';
export type { LossCause } from './domain/line-operations.js';
