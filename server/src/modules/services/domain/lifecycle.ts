export const SERVICE_STATUSES = [
  'waiting_for_activation',
  'activation_started',
  'awaiting_user',
  'provisioning',
  'porting',
  'porting_refused',
  // the network work failed for good (every retry spent): the administrator retries it
  'activation_failed',
  'active',
  'suspended',
  // reported lost or stolen: barred on the network until a replacement SIM is live (or it is found)
  'barred',
  'terminated',
  'cancelled',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * The service lifecycle as one transition table: every status change of a service names an event
 * from here, and the use cases refuse any event the current status does not allow. Starting the
 * activation (by hand, at a scheduled time or on save) only moves a service to `activation_started`;
 * the activation job decides whether the user must act, the port-in runs, or provisioning starts.
 */
export const TRANSITIONS = {
  start_activation: { from: ['waiting_for_activation'], to: 'activation_started' },
  cancel: { from: ['waiting_for_activation'], to: 'cancelled' },
  // E-mail activation: the employee enters the SIM or presses Activate on the personal page.
  wait_for_user: { from: ['activation_started'], to: 'awaiting_user' },
  provision: { from: ['activation_started', 'awaiting_user'], to: 'provisioning' },
  // The SIM works; the number is still on its way (port-in, or a move within the company).
  await_number: { from: ['provisioning'], to: 'porting' },
  refuse_port_in: { from: ['activation_started', 'awaiting_user', 'provisioning', 'porting'], to: 'porting_refused' },
  // After the administrator corrects a refused port-in, the service goes back to where it was.
  resubmit_port_in: { from: ['porting_refused'], to: 'porting' },
  resubmit_port_in_awaiting_user: { from: ['porting_refused'], to: 'awaiting_user' },
  resubmit_port_in_provisioning: { from: ['porting_refused'], to: 'provisioning' },
  activate: { from: ['provisioning', 'porting'], to: 'active' },
  // A job of the activation process gave up (its retries spent, or an error no retry can fix): never
  // left silently in progress. Retrying goes back to where the process was, as after a port correction.
  fail_activation: { from: ['activation_started', 'awaiting_user', 'provisioning', 'porting'], to: 'activation_failed' },
  retry_activation: { from: ['activation_failed'], to: 'activation_started' },
  retry_activation_awaiting_user: { from: ['activation_failed'], to: 'awaiting_user' },
  retry_activation_provisioning: { from: ['activation_failed'], to: 'provisioning' },
  retry_activation_porting: { from: ['activation_failed'], to: 'porting' },
  // "Manage service": a new bundle or options; only an active service, and it stays active.
  change: { from: ['active'], to: 'active' },
  // Line operations. A suspended line makes no calls already: a lost phone of a suspended line needs
  // no bar, and a change of bundle or SIM waits until it is resumed.
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  report_lost: { from: ['active'], to: 'barred' },
  // the phone was found, or the replacement SIM is live
  lift_bar: { from: ['barred'], to: 'active' },
  // a new SIM or eSIM for the same number; the line keeps its status until the new one is live
  request_sim_swap: { from: ['active'], to: 'active' },
  request_replacement: { from: ['barred'], to: 'barred' },
  terminate: { from: ['active', 'suspended', 'barred'], to: 'terminated' },
} as const satisfies Record<string, { from: readonly ServiceStatus[]; to: ServiceStatus }>;

export type LifecycleEvent = keyof typeof TRANSITIONS;

/** The status after `event`, or null when the event is not allowed from `status`. */
export const nextStatus = (status: ServiceStatus, event: LifecycleEvent): ServiceStatus | null => {
  const t = TRANSITIONS[event];
  return (t.from as readonly ServiceStatus[]).includes(status) ? t.to : null;
};

/** Statuses in which a service still holds its number, SIM and fixed number: all but the two ends. */
export const HOLDS_STOCK: readonly ServiceStatus[] = SERVICE_STATUSES.filter((s) => s !== 'terminated' && s !== 'cancelled');
