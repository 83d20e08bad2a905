import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './changes.js';

describe('audit changes', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(diffSnapshots({ firstName: 'Ann', department: 'Sales' }, { firstName: 'Anne', department: 'Sales' })).toEqual([
      { field: 'firstName', before: 'Ann', after: 'Anne' },
    ]);
  });

  it('treats a creation as every field going from nothing to its value', () => {
    expect(diffSnapshots(null, { email: 'a@b.be', department: null })).toEqual([{ field: 'email', before: null, after: 'a@b.be' }]);
  });

  it('sees a cleared optional field as a change', () => {
    expect(diffSnapshots({ costCentre: 'CC-1' }, { costCentre: null })).toEqual([{ field: 'costCentre', before: 'CC-1', after: null }]);
  });
});
