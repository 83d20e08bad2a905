import type { ServiceStatus } from '../../services/domain/lifecycle.js';

/**
 * The service lifecycle (services/domain/lifecycle.ts) as TM Forum names it. Our own status is
 * also returned as the `fleetdeskStatus` characteristic, so nothing is lost in the mapping.
 */

/** TMF638 ServiceStateType. */
export const TMF_SERVICE_STATES = ['feasibilityChecked', 'designed', 'reserved', 'inactive', 'active', 'terminated'] as const;
export type TmfServiceState = (typeof TMF_SERVICE_STATES)[number];

export const SERVICE_STATE: Record<ServiceStatus, TmfServiceState> = {
  // saved, holding its number and SIM, not started
  waiting_for_activation: 'reserved',
  // on its way to the network: it exists but does not carry traffic yet
  activation_started: 'designed',
  awaiting_user: 'designed',
  provisioning: 'designed',
  porting: 'designed',
  porting_refused: 'designed',
  activation_failed: 'designed',
  active: 'active',
  // live on the network but not usable
  suspended: 'inactive',
  barred: 'inactive',
  terminated: 'terminated',
  cancelled: 'terminated',
};

/** Our statuses behind a TMF state, for filtering in the query. */
export const statusesOfServiceState = (state: TmfServiceState): ServiceStatus[] =>
  (Object.keys(SERVICE_STATE) as ServiceStatus[]).filter((s) => SERVICE_STATE[s] === state);

/** TMF622 ProductOrderItemStateType (v4). */
export const TMF_ORDER_ITEM_STATES = ['acknowledged', 'rejected', 'pending', 'held', 'inProgress', 'cancelled', 'completed', 'failed', 'assessingCancellation', 'pendingCancellation'] as const;
export type TmfOrderItemState = (typeof TMF_ORDER_ITEM_STATES)[number];

/** TMF622 ProductOrderStateType (v4). */
export const TMF_ORDER_STATES = ['acknowledged', 'rejected', 'pending', 'held', 'inProgress', 'cancelled', 'completed', 'failed', 'partial', 'assessingCancellation', 'pendingCancellation'] as const;
export type TmfOrderState = (typeof TMF_ORDER_STATES)[number];

/** An `add` item follows the service it created, from saved to active. */
export const addItemState = (status: ServiceStatus): TmfOrderItemState => {
  switch (status) {
    case 'waiting_for_activation':
      return 'held';
    case 'activation_started':
    case 'awaiting_user':
    case 'provisioning':
    case 'porting':
      return 'inProgress';
    // the donor refused the port-in: it waits for corrected details
    case 'porting_refused':
      return 'pending';
    case 'activation_failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    // once active the order is done, whatever happens to the line later
    case 'active':
    case 'suspended':
    case 'barred':
    case 'terminated':
      return 'completed';
  }
};

/** A `delete` item is carried out when the order comes in: the service is terminated, or the item was refused. */
export const deleteItemState = (status: ServiceStatus): TmfOrderItemState => (status === 'terminated' ? 'completed' : 'inProgress');

/**
 * The order's state from its items': all alike → that state; otherwise the order still moves while
 * any item does, and ends `partial` when some items completed and others did not.
 */
export const orderState = (items: readonly TmfOrderItemState[]): TmfOrderState => {
  if (items.length === 0) return 'acknowledged';
  const first = items[0]!;
  if (items.every((s) => s === first)) return first;
  for (const moving of ['inProgress', 'acknowledged', 'pending', 'held'] as const) if (items.includes(moving)) return moving === 'acknowledged' ? 'inProgress' : moving;
  if (items.includes('completed')) return 'partial';
  if (items.includes('failed')) return 'failed';
  return 'rejected';
};
