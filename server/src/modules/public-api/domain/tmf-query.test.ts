import { describe, expect, it } from 'vitest';
import { parseFields, parseFilters, pickFields } from './tmf-query.js';

describe('TMF630 query conventions', () => {
  it('keeps exactly the fields asked for, and the identity of the resource', () => {
    const resource = { id: '1', href: '/x/1', state: 'active', name: 'n' };
    expect(pickFields(resource, parseFields('state, id,state'))).toEqual({ state: 'active', id: '1', href: '/x/1' });
    expect(pickFields(resource, parseFields(undefined))).toBe(resource);
    expect(pickFields(resource, parseFields('nothing'))).toEqual({ id: '1', href: '/x/1' });
    expect(Object.keys(pickFields({ state: 'x' }, parseFields('state')))).toEqual(['state']);
  });

  it('reads equality filters and names the attributes it cannot filter on', () => {
    expect(parseFilters({ state: ['active', 'inactive,reserved'], offset: '0', colour: 'red' }, ['state', 'id'])).toEqual({
      filters: { state: ['active', 'inactive', 'reserved'] },
      unknown: ['colour'],
    });
  });
});
