// The approvals module's public surface: the orders placed under the company's approval rule, for
// the routes of the wizard, Manage service and the bulk import; and the answer they give when held.
export { orderBundleChange, orderImport, orderNewService, type Ordered } from './use-cases/order.js';
export { approvalView } from './approval-view.js';
