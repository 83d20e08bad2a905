import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './request-machine.js';
import { FileRequestSchema, filingProblems, MAX_REQUEST_DAYS, type FileRequestInput, type FilingFacts } from './request-details.js';

const TODAY = '2026-05-14';
const OFFICE = '11111111-1111-4111-8111-111111111111';
const OTHER_OFFICE = '22222222-2222-4222-8222-222222222222';
const SERVICE = '33333333-3333-4333-8333-333333333333';
const ENDED = '44444444-4444-4444-8444-444444444444';

const facts: FilingFacts = {
  today: TODAY,
  offices: new Map([[OFFICE, { street: 'Noorderlaan 100', postalCode: '2030', city: 'Antwerpen' }]]),
  services: new Map([
    [SERVICE, { ended: false }],
    [ENDED, { ended: true }],
  ]),
};

/** Parses like the API does, so the tests run the same shape rules. */
const parse = (raw: unknown): FileRequestInput => FileRequestSchema.parse(raw);
const rules = (raw: unknown, f: FilingFacts = facts) => filingProblems(parse(raw), f).map((p) => `${p.field}:${p.rule}`);

const move = (over: Record<string, unknown> = {}, details: Record<string, unknown> = {}) => ({
  kind: 'move',
  officeId: OFFICE,
  serviceIds: [SERVICE],
  details: { newAddress: { street: 'Kaai 12', postalCode: '2000', city: 'Antwerpen' }, movingDate: '2026-07-01', ...details },
  ...over,
});
const change = (details: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
  kind: 'change',
  officeId: OFFICE,
  details: { serviceName: 'SmartFit Internet', currentConfiguration: 'SmartFit Internet Plus', newConfiguration: 'SmartFit Internet Extra', ...details },
  ...over,
});

describe('request details: shape', () => {
  it('accepts one schema per kind and refuses details of another kind', () => {
    expect(() => parse(move())).not.toThrow();
    expect(() => parse(change())).not.toThrow();
    expect(() => parse({ ...change(), kind: 'move' })).toThrow();
    expect(() => parse({ kind: 'teleport', details: {} })).toThrow();
    expect(() => parse(move({}, { movingDate: '2026-02-30' }))).toThrow();
    expect(() => parse(move({}, { unexpected: 1 }))).toThrow();
  });
});

describe('request details: rules', () => {
  it('files a complete Move, Add, Change, Delete and support request without problems', () => {
    expect(rules(move())).toEqual([]);
    expect(rules({ kind: 'add', officeId: OFFICE, details: { target: 'service', wanted: 'Two extra UC users' } })).toEqual([]);
    expect(rules({ kind: 'add', details: { target: 'office', wanted: 'Internet and 5 lines', newOffice: { name: 'Leuven', street: 'Bondgenotenlaan 1', postalCode: '3000', city: 'Leuven' } } })).toEqual([]);
    expect(rules(change())).toEqual([]);
    expect(rules({ kind: 'delete', officeId: OFFICE, serviceIds: [SERVICE], details: { target: 'service' } })).toEqual([]);
    expect(rules({ kind: 'delete', officeId: OFFICE, details: { target: 'office' } })).toEqual([]);
    expect(rules({ kind: 'support', details: { topic: 'fixed_numbers', message: 'We need numbers', quantity: 10 } })).toEqual([]);
    expect(rules({ kind: 'support', serviceIds: [SERVICE], details: { topic: 'service_problem', message: 'No network', triedSteps: ['restart'] } })).toEqual([]);
  });

  it('accepts a moving date only strictly after today and within the horizon', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 1500 }), (offset) => {
        const problems = rules(move({}, { movingDate: addDays(TODAY, offset) }));
        if (offset <= 0) expect(problems).toEqual(['details.movingDate:in_past']);
        else if (offset > MAX_REQUEST_DAYS) expect(problems).toEqual(['details.movingDate:too_far']);
        else expect(problems).toEqual([]);
      }),
    );
  });

  it('treats an optional desired date the same way, for every kind that has one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 900 }), fc.constantFrom('add', 'change', 'delete'), (offset, kind) => {
        const day = addDays(TODAY, offset);
        const raw =
          kind === 'add'
            ? { kind, officeId: OFFICE, details: { target: 'service', wanted: 'x', desiredDate: day } }
            : kind === 'change'
              ? change({ desiredDate: day })
              : { kind, officeId: OFFICE, details: { target: 'office', desiredDate: day } };
        const problems = rules(raw);
        if (offset <= 0) expect(problems).toEqual(['details.desiredDate:in_past']);
        else if (offset > MAX_REQUEST_DAYS) expect(problems).toEqual(['details.desiredDate:too_far']);
        else expect(problems).toEqual([]);
      }),
    );
  });

  it('finds only the company’s own offices and services: any other id is "not found"', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (officeId, serviceId) => {
        fc.pre(officeId !== OFFICE && serviceId !== SERVICE && serviceId !== ENDED);
        expect(rules(move({ officeId }))).toContain('officeId:not_found');
        expect(rules(move({ serviceIds: [serviceId] }))).toEqual(['serviceIds.0:not_found']);
        expect(rules(change({}, { officeId }))).toEqual(['officeId:not_found']);
      }),
    );
  });

  it('refuses ended and repeated services', () => {
    expect(rules(move({ serviceIds: [ENDED] }))).toEqual(['serviceIds.0:service_ended']);
    expect(rules(move({ serviceIds: [SERVICE, SERVICE] }))).toEqual(['serviceIds.1:repeated']);
  });

  it('needs an office for Move, Change, Delete and Add of a service, and services or their description for Move and Delete', () => {
    expect(rules(move({ officeId: null }))).toEqual(['officeId:required']);
    expect(rules(change({}, { officeId: undefined }))).toEqual(['officeId:required']);
    expect(rules(move({ serviceIds: [] }))).toEqual(['serviceIds:services_required']);
    expect(rules(move({ serviceIds: [] }, { otherServices: 'Internet line and PBX' }))).toEqual([]);
    expect(rules({ kind: 'delete', officeId: OFFICE, details: { target: 'service' } })).toEqual(['serviceIds:services_required']);
    expect(rules({ kind: 'add', details: { target: 'service', wanted: 'x' } })).toEqual(['officeId:required']);
  });

  it('asks a new office for Add of an office, and no existing office', () => {
    expect(rules({ kind: 'add', details: { target: 'office', wanted: 'x' } })).toEqual(['details.newOffice:required']);
    expect(rules({ kind: 'add', officeId: OFFICE, details: { target: 'office', wanted: 'x', newOffice: { name: 'L', street: 'S 1', postalCode: '3000', city: 'Leuven' } } })).toEqual(['officeId:not_applicable']);
    expect(rules({ kind: 'add', details: { target: 'office', wanted: 'x', newOffice: { name: 'L', street: 'S 1', postalCode: '30000', city: 'Leuven' } } })).toEqual(['details.newOffice.postalCode:postal_code_be']);
    expect(rules({ kind: 'add', details: { target: 'office', wanted: 'x', newOffice: { name: 'L', street: 'S 1', postalCode: '75001', city: 'Paris', country: 'fr' } } })).toEqual([]);
  });

  it('refuses a move to the address the office already has, and a change to the same configuration', () => {
    expect(rules(move({}, { newAddress: { street: ' noorderlaan  100', postalCode: '2030', city: 'ANTWERPEN' } }))).toEqual(['details.newAddress.street:same_address']);
    expect(rules(change({ newConfiguration: 'smartfit internet  plus' }))).toEqual(['details.newConfiguration:same_as_current']);
  });

  it('needs a quantity for fixed numbers and exactly one service for a problem after activation', () => {
    expect(rules({ kind: 'support', details: { topic: 'fixed_numbers', message: 'm' } })).toEqual(['details.quantity:required']);
    expect(rules({ kind: 'support', details: { topic: 'service_problem', message: 'm' } })).toEqual(['serviceIds:required']);
    expect(rules({ kind: 'support', serviceIds: [SERVICE, ENDED], details: { topic: 'service_problem', message: 'm' } })).toEqual(['serviceIds.1:service_ended', 'serviceIds:too_big']);
    expect(rules({ kind: 'support', serviceIds: [SERVICE], details: { topic: 'service_problem', message: 'm', quantity: 3 } })).toEqual(['details.quantity:not_applicable']);
  });

  it('never lets a date problem hide behind another office', () => {
    const elsewhere: FilingFacts = { ...facts, offices: new Map([[OTHER_OFFICE, { street: 'a', postalCode: '1000', city: 'b' }]]) };
    expect(rules(move({}, { movingDate: TODAY }), elsewhere).sort()).toEqual(['details.movingDate:in_past', 'officeId:not_found']);
  });
});
