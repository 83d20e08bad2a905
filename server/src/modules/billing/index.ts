// The billing module's public surface: the pro-rata lines other modules write when a service
// becomes active, changes or ends, in their own transaction.
export { changeImpact, describeImpact, monthlyPrices, namer, writeChange, writeDeletionLines, writeNewServiceLines, type Selection } from './use-cases/billing-lines.js';
