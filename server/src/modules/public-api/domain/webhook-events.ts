import type { ServiceStatus } from '../../services/domain/lifecycle.js';
import { SERVICE_STATE, type TmfOrderState } from './tmf-states.js';

/**
 * The events of the public API (TMF622 and TMF638 "hub" notifications): which API a subscription
 * (hub) is registered on, the event types each API sends, and which events a change yields. Plain
 * rules, no HTTP or SQL: the webhooks use case writes what these decide.
 */
export const HUB_APIS = ['productOrdering', 'serviceInventory'] as const;
export type HubApi = (typeof HUB_APIS)[number];

export const PRODUCT_ORDER_EVENTS = ['ProductOrderCreateEvent', 'ProductOrderStateChangeEvent', 'ProductOrderInformationRequiredEvent'] as const;
export const SERVICE_EVENTS = ['ServiceCreateEvent', 'ServiceStateChangeEvent', 'ServiceAttributeValueChangeEvent', 'ServiceDeleteEvent'] as const;
export type ProductOrderEventType = (typeof PRODUCT_ORDER_EVENTS)[number];
export type ServiceEventType = (typeof SERVICE_EVENTS)[number];
export type EventType = ProductOrderEventType | ServiceEventType;
export const EVENT_TYPES: readonly EventType[] = [...PRODUCT_ORDER_EVENTS, ...SERVICE_EVENTS];

export const EVENTS_OF: Record<HubApi, readonly EventType[]> = { productOrdering: PRODUCT_ORDER_EVENTS, serviceInventory: SERVICE_EVENTS };
/** The resource an event carries, under `event` in the envelope. */
export const RESOURCE_OF: Record<HubApi, 'productOrder' | 'service'> = { productOrdering: 'productOrder', serviceInventory: 'service' };

// ---------------------------------------------------------------- which service events a change yields

/** The service columns TMF638 shows (as attributes or characteristics), besides the state. */
const VISIBLE_FIELDS = new Set(['msisdn', 'bundleCode', 'optionCodes', 'serviceTypeCode', 'mobileUserId', 'activationMethod', 'activatedAt', 'endedAt', 'portFromServiceId']);

export type ServiceChangeFacts = {
  /** null for a new service */
  fromStatus: ServiceStatus | null;
  toStatus: ServiceStatus;
  /** The row's fields that changed (status included). */
  changedFields: readonly string[];
};

/**
 * The TMF638 events of one service change: created; its TM Forum state changed; an attribute the
 * inventory shows changed (our own status included: it is the `fleetdeskStatus` characteristic);
 * ended (terminated or cancelled: gone from the company's live inventory, so also a delete).
 */
export const serviceEventsOf = (c: ServiceChangeFacts): ServiceEventType[] => {
  if (c.fromStatus === null) return ['ServiceCreateEvent'];
  const events: ServiceEventType[] = [];
  const stateChanged = SERVICE_STATE[c.fromStatus] !== SERVICE_STATE[c.toStatus];
  if (stateChanged) events.push('ServiceStateChangeEvent');
  const statusOnly = c.fromStatus !== c.toStatus && !stateChanged;
  if (statusOnly || c.changedFields.some((f) => VISIBLE_FIELDS.has(f))) events.push('ServiceAttributeValueChangeEvent');
  if (c.fromStatus !== c.toStatus && (c.toStatus === 'terminated' || c.toStatus === 'cancelled')) events.push('ServiceDeleteEvent');
  return events;
};

/**
 * The TMF622 events of an order whose state moved from `before` to `after` (read with the service
 * as it was and as it is): its state changed; and when it has just come to `pending` (a refused
 * port-in waits for corrected details), information is required.
 */
export const orderEventsOf = (before: TmfOrderState, after: TmfOrderState, pendingItemsBefore: number, pendingItemsAfter: number): ProductOrderEventType[] => {
  const events: ProductOrderEventType[] = [];
  if (before !== after) events.push('ProductOrderStateChangeEvent');
  if (pendingItemsAfter > pendingItemsBefore) events.push('ProductOrderInformationRequiredEvent');
  return events;
};

// ---------------------------------------------------------------- hub query

/**
 * A hub's `query` (TMF630 notification filter), e.g. `eventType=ServiceStateChangeEvent` or
 * `eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed`: `eventType` (one
 * or several, comma-separated) and equality on a top-level attribute of the event's resource. A
 * key it cannot apply is refused by name at registration, never silently ignored.
 */
export type HubFilter = { eventTypes: EventType[] | null; attributes: { name: string; values: string[] }[] };

export type HubQueryProblem = { field: string; rule: 'unknown_filter' | 'unknown_event_type' | 'invalid' };

export const parseHubQuery = (api: HubApi, raw: string | null | undefined): { ok: true; filter: HubFilter } | { ok: false; problems: HubQueryProblem[] } => {
  const filter: HubFilter = { eventTypes: null, attributes: [] };
  const problems: HubQueryProblem[] = [];
  const text = (raw ?? '').trim().replace(/^\?/, '');
  if (!text) return { ok: true, filter };
  const prefix = `event.${RESOURCE_OF[api]}.`;
  for (const part of text.split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    let key: string;
    let values: string[];
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq)).trim();
      values = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1).replace(/\+/g, ' '))
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    } catch {
      problems.push({ field: `query`, rule: 'invalid' });
      continue;
    }
    if (!values.length) {
      problems.push({ field: `query.${key}`, rule: 'invalid' });
      continue;
    }
    if (key === 'eventType') {
      const known = EVENTS_OF[api];
      const wrong = values.filter((v) => !(known as readonly string[]).includes(v));
      if (wrong.length) problems.push({ field: 'query.eventType', rule: 'unknown_event_type' });
      else filter.eventTypes = [...new Set([...(filter.eventTypes ?? []), ...(values as EventType[])])];
    } else if (key.startsWith(prefix) && /^[A-Za-z@][A-Za-z0-9@]*$/.test(key.slice(prefix.length))) {
      filter.attributes.push({ name: key.slice(prefix.length), values });
    } else {
      problems.push({ field: `query.${key}`, rule: 'unknown_filter' });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, filter };
};

/** Whether an event passes a hub's filter: its type is one asked for, and each attribute named has one of the values (compared as text). */
export const hubWants = (filter: HubFilter, eventType: EventType, resource: Record<string, unknown>): boolean => {
  if (filter.eventTypes && !filter.eventTypes.includes(eventType)) return false;
  return filter.attributes.every(({ name, values }) => {
    const v = resource[name];
    return v !== undefined && v !== null && typeof v !== 'object' && values.includes(String(v));
  });
};

// ---------------------------------------------------------------- failing hubs

/** A hub is disabled after this many deliveries in a row failed (each counted at its first failed try)… */
export const DISABLE_AFTER_FAILED_DELIVERIES = 10;
/** …or once its deliveries have failed without a single success for this long. */
export const DISABLE_AFTER_FAILING_MS = 24 * 60 * 60 * 1000;

export type HubHealth = { consecutiveFailures: number; failingSince: Date | null };

/** A hub's health after a delivery's try: a success clears it; a failure counts (once per delivery) and may disable the hub. */
export const afterTry = (h: HubHealth, outcome: { ok: boolean; firstFailureOfDelivery: boolean; at: Date }): HubHealth & { disable: boolean } => {
  if (outcome.ok) return { consecutiveFailures: 0, failingSince: null, disable: false };
  const consecutiveFailures = h.consecutiveFailures + (outcome.firstFailureOfDelivery ? 1 : 0);
  const failingSince = h.failingSince ?? outcome.at;
  const disable = consecutiveFailures >= DISABLE_AFTER_FAILED_DELIVERIES || outcome.at.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
  return { consecutiveFailures, failingSince, disable };
};
