import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_STATUSES } from '../../services/domain/lifecycle.js';
import { afterTry, DISABLE_AFTER_FAILED_DELIVERIES, DISABLE_AFTER_FAILING_MS, hubWants, orderEventsOf, parseHubQuery, serviceEventsOf } from './webhook-events.js';

describe('webhook events', () => {
  it('names what happened to a service the way TMF638 does', () => {
    expect(serviceEventsOf({ fromStatus: null, toStatus: 'waiting_for_activation', changedFields: ['status', 'msisdn'] })).toEqual(['ServiceCreateEvent']);
    // designed → active: a state change
    expect(serviceEventsOf({ fromStatus: 'provisioning', toStatus: 'active', changedFields: ['status', 'activatedAt'] })).toEqual(['ServiceStateChangeEvent', 'ServiceAttributeValueChangeEvent']);
    // our status moves inside one TMF state: the fleetdeskStatus characteristic changed
    expect(serviceEventsOf({ fromStatus: 'activation_started', toStatus: 'provisioning', changedFields: ['status'] })).toEqual(['ServiceAttributeValueChangeEvent']);
    expect(serviceEventsOf({ fromStatus: 'active', toStatus: 'active', changedFields: ['bundleCode'] })).toEqual(['ServiceAttributeValueChangeEvent']);
    // bookkeeping the inventory does not show: nothing
    expect(serviceEventsOf({ fromStatus: 'active', toStatus: 'active', changedFields: ['userActedAt'] })).toEqual([]);
    expect(serviceEventsOf({ fromStatus: 'active', toStatus: 'terminated', changedFields: ['status', 'endedAt'] })).toEqual(['ServiceStateChangeEvent', 'ServiceAttributeValueChangeEvent', 'ServiceDeleteEvent']);
    expect(serviceEventsOf({ fromStatus: 'waiting_for_activation', toStatus: 'cancelled', changedFields: ['status'] })).toContain('ServiceDeleteEvent');
  });

  it('sends a state change for every status change that moves the TMF state, and never a delete for a live service', () => {
    const status = fc.constantFrom(...SERVICE_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        const events = serviceEventsOf({ fromStatus: from, toStatus: to, changedFields: from === to ? [] : ['status'] });
        if (from !== to) expect(events.length).toBeGreaterThan(0);
        if (!['terminated', 'cancelled'].includes(to)) expect(events).not.toContain('ServiceDeleteEvent');
        expect(new Set(events).size).toBe(events.length);
      }),
    );
  });

  it('tells an order hub of state changes and of an order that now waits for details', () => {
    expect(orderEventsOf('inProgress', 'completed', 0, 0)).toEqual(['ProductOrderStateChangeEvent']);
    expect(orderEventsOf('inProgress', 'pending', 0, 1)).toEqual(['ProductOrderStateChangeEvent', 'ProductOrderInformationRequiredEvent']);
    expect(orderEventsOf('inProgress', 'inProgress', 0, 0)).toEqual([]);
  });

  it("reads a hub's query, and refuses by name what it cannot apply", () => {
    expect(parseHubQuery('serviceInventory', null)).toEqual({ ok: true, filter: { eventTypes: null, attributes: [] } });
    expect(parseHubQuery('serviceInventory', 'eventType=ServiceStateChangeEvent,ServiceDeleteEvent&event.service.state=active')).toEqual({
      ok: true,
      filter: { eventTypes: ['ServiceStateChangeEvent', 'ServiceDeleteEvent'], attributes: [{ name: 'state', values: ['active'] }] },
    });
    expect(parseHubQuery('productOrdering', 'eventType=ServiceCreateEvent')).toEqual({ ok: false, problems: [{ field: 'query.eventType', rule: 'unknown_event_type' }] });
    expect(parseHubQuery('productOrdering', 'event.service.state=active')).toEqual({ ok: false, problems: [{ field: 'query.event.service.state', rule: 'unknown_filter' }] });
    expect(parseHubQuery('productOrdering', 'eventType=')).toMatchObject({ ok: false });
    expect(parseHubQuery('productOrdering', '%E0%A4%A=1')).toMatchObject({ ok: false });
  });

  it('never throws on any query text', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('productOrdering' as const, 'serviceInventory' as const), (raw, api) => typeof parseHubQuery(api, raw).ok === 'boolean'));
  });

  it('passes an event to a hub only when its type and every attribute named match', () => {
    const filter = { eventTypes: ['ServiceStateChangeEvent' as const], attributes: [{ name: 'state', values: ['active', 'terminated'] }] };
    expect(hubWants(filter, 'ServiceStateChangeEvent', { state: 'active' })).toBe(true);
    expect(hubWants(filter, 'ServiceStateChangeEvent', { state: 'designed' })).toBe(false);
    expect(hubWants(filter, 'ServiceCreateEvent', { state: 'active' })).toBe(false);
    expect(hubWants({ eventTypes: null, attributes: [] }, 'ServiceCreateEvent', {})).toBe(true);
    expect(hubWants({ eventTypes: null, attributes: [{ name: 'relatedParty', values: ['x'] }] }, 'ServiceCreateEvent', { relatedParty: [] })).toBe(false);
  });

  it(`disables a hub after ${DISABLE_AFTER_FAILED_DELIVERIES} deliveries in a row failed, or a day of failures; one success clears it`, () => {
    const t0 = new Date('2026-03-01T10:00:00Z');
    let h = { consecutiveFailures: 0, failingSince: null as Date | null };
    for (let i = 1; i < DISABLE_AFTER_FAILED_DELIVERIES; i++) {
      const next = afterTry(h, { ok: false, firstFailureOfDelivery: true, at: t0 });
      expect(next.disable).toBe(false);
      // the same delivery failing again does not count twice
      expect(afterTry(next, { ok: false, firstFailureOfDelivery: false, at: t0 }).consecutiveFailures).toBe(i);
      h = next;
    }
    expect(afterTry(h, { ok: false, firstFailureOfDelivery: true, at: t0 }).disable).toBe(true);
    expect(afterTry(h, { ok: true, firstFailureOfDelivery: false, at: t0 })).toEqual({ consecutiveFailures: 0, failingSince: null, disable: false });
    const one = afterTry({ consecutiveFailures: 0, failingSince: null }, { ok: false, firstFailureOfDelivery: true, at: t0 });
    expect(afterTry(one, { ok: false, firstFailureOfDelivery: false, at: new Date(t0.getTime() + DISABLE_AFTER_FAILING_MS - 1) }).disable).toBe(false);
    expect(afterTry(one, { ok: false, firstFailureOfDelivery: false, at: new Date(t0.getTime() + DISABLE_AFTER_FAILING_MS) }).disable).toBe(true);
  });
});
