import { describe, expect, test } from 'vitest';
import { formPath, initialRequestValues, officeOfServices, requestFormProblems, requestInput, type RequestFormValues } from './request-form';

const TODAY = '2026-06-15';
const values = (over: Partial<RequestFormValues> = {}): RequestFormValues => ({ ...initialRequestValues([], 'service_problem'), ...over });

describe('the New request form', () => {
  test('an empty Move names every field it needs at once', () => {
    expect(requestFormProblems('move', values(), TODAY)).toEqual({
      officeId: { rule: 'required', label: 'officeId' },
      movingDate: { rule: 'required', label: 'movingDate' },
      'newAddress.street': { rule: 'required', label: 'street' },
      'newAddress.postalCode': { rule: 'required', label: 'postalCode' },
      'newAddress.city': { rule: 'required', label: 'city' },
      serviceIds: { rule: 'services_required', label: 'serviceIds' },
    });
  });

  test('dates lie ahead of today (Brussels); an optional one may stay empty', () => {
    expect(requestFormProblems('delete', values({ officeId: 'o', serviceIds: ['s'], desiredDate: TODAY }), TODAY)).toEqual({ desiredDate: { rule: 'in_past', label: 'desiredDate' } });
    expect(requestFormProblems('delete', values({ officeId: 'o', serviceIds: ['s'], desiredDate: '2026-06-16' }), TODAY)).toEqual({});
    expect(requestFormProblems('delete', values({ officeId: 'o', serviceIds: ['s'] }), TODAY)).toEqual({});
    // closing an office needs no services
    expect(requestFormProblems('delete', values({ officeId: 'o', deleteTarget: 'office' }), TODAY)).toEqual({});
  });

  test('a Change to the same configuration is no change', () => {
    const change = values({ officeId: 'o', serviceName: 'SmartFit Internet', currentConfiguration: 'Plus', newConfiguration: ' plus ' });
    expect(requestFormProblems('change', change, TODAY)).toEqual({ newConfiguration: { rule: 'same_as_current', label: 'newConfiguration' } });
  });

  test('an Add of a new office needs the office, not an existing one', () => {
    const problems = requestFormProblems('add', values({ addTarget: 'office', wanted: 'Lines for 5 people' }), TODAY);
    expect(Object.keys(problems)).toEqual(['newOffice.name', 'newOffice.street', 'newOffice.postalCode', 'newOffice.city']);
    expect(requestInput('add', values({ addTarget: 'office', officeId: 'o', wanted: ' x ', newOffice: { name: ' Gent ', street: 'a', postalCode: '9000', city: 'Gent', country: '' } }))).toEqual({
      kind: 'add',
      officeId: null,
      details: { target: 'office', wanted: 'x', newOffice: { name: 'Gent', street: 'a', postalCode: '9000', city: 'Gent', country: 'BE' }, desiredDate: null, notes: null },
    });
  });

  test('support: a problem names its one service, fixed numbers a quantity', () => {
    expect(requestFormProblems('support', values({ message: 'Help' }), TODAY)).toEqual({ serviceIds: { rule: 'required', label: 'serviceIds' } });
    expect(requestFormProblems('support', values({ topic: 'fixed_numbers', message: 'Help' }), TODAY)).toEqual({ quantity: { rule: 'required', label: 'quantity' } });
    expect(requestInput('support', values({ topic: 'fixed_numbers', message: ' Five more ', quantity: 5, serviceIds: ['s'], triedSteps: ['restart'] }))).toEqual({
      kind: 'support',
      serviceIds: [],
      details: { topic: 'fixed_numbers', message: 'Five more', quantity: 5, triedSteps: [] },
    });
  });

  test('services chosen beforehand bring their common office; none or several bring none', () => {
    const services = [
      { id: 'a', officeId: 'brussels' },
      { id: 'b', officeId: 'brussels' },
      { id: 'c', officeId: 'gent' },
      { id: 'd', officeId: null },
    ];
    expect(officeOfServices(services, ['a'])).toBe('brussels');
    expect(officeOfServices(services, ['a', 'b'])).toBe('brussels');
    expect(officeOfServices(services, ['a', 'c'])).toBeNull();
    expect(officeOfServices(services, ['d'])).toBeNull();
    expect(officeOfServices(services, ['zz'])).toBeNull();
  });

  test("the server's field errors land on the form's fields", () => {
    expect(formPath('details.newAddress.city', 'move')).toBe('newAddress.city');
    expect(formPath('serviceIds.2', 'delete')).toBe('serviceIds');
    expect(formPath('details.target', 'add')).toBe('addTarget');
    expect(formPath('details.target', 'delete')).toBe('deleteTarget');
    expect(formPath('kind', 'move')).toBeNull();
  });
});
