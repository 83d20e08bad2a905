// The services module's public surface. A service's status and fields change only through
// applyServiceChange (use-cases/apply-service-change.ts), whoever asks: the activation process, the
// line operations, the administrator.
export {
  applyServiceChange,
  createService,
  type AppliedServiceChange,
  type ServiceChange,
  type ServiceChangeHook,
  type ServiceFields,
} from './use-cases/apply-service-change.js';
export { findServiceRow, getServiceDetail, hasServiceEvent, statusBeforeEntering, userOrNumberSearch, type ServiceRow } from './services.repository.js';
export { addService, checkWizardStep, serviceChoiceProblems } from './use-cases/add-service.js';
// the wizard's save and Manage service / Remove, for the public API's product orders (same rules, same use cases)
export { changeService, deleteService } from './use-cases/manage-service.js';
// bulk actions of the Service overview: the selection "all N matching the filter", and the same use cases per service
export { overviewServiceIds, type OverviewFilters } from './overview.repository.js';
export { previewChange, deletionQuota } from './use-cases/manage-service.js';
// My lines: the bundles an employee may ask for (Manage service's own list)
export { changeOptions } from './use-cases/manage-service.js';
// bulk actions, and a TMF622 order's schedule and its cancellation (public API): Schedule, Start activation and Cancel, as the portal's buttons
export { cancelService, scheduleServices, startServices } from './use-cases/start-activation.js';
