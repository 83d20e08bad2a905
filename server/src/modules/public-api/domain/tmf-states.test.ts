import { describe, expect, it } from 'vitest';
import { SERVICE_STATUSES } from '../../services/domain/lifecycle.js';
import { addItemState, orderState, SERVICE_STATE, statusesOfServiceState, TMF_SERVICE_STATES } from './tmf-states.js';

describe('TMF states from the service lifecycle', () => {
  it('maps every service status to a TMF638 state, and back', () => {
    for (const s of SERVICE_STATUSES) expect(TMF_SERVICE_STATES).toContain(SERVICE_STATE[s]);
    expect(statusesOfServiceState('terminated').sort()).toEqual(['cancelled', 'terminated']);
    expect(statusesOfServiceState('feasibilityChecked')).toEqual([]);
  });

  it('follows an added service from saved to active', () => {
    expect(['waiting_for_activation', 'activation_started', 'porting_refused', 'activation_failed', 'active', 'cancelled'].map((s) => addItemState(s as never))).toEqual([
      'held',
      'inProgress',
      'pending',
      'failed',
      'completed',
      'cancelled',
    ]);
  });

  it('gives the order the state of its items', () => {
    expect(orderState(['completed', 'completed'])).toBe('completed');
    expect(orderState(['rejected'])).toBe('rejected');
    expect(orderState(['completed', 'inProgress'])).toBe('inProgress');
    expect(orderState(['rejected', 'held'])).toBe('held');
    expect(orderState(['completed', 'rejected'])).toBe('partial');
    expect(orderState(['failed', 'rejected'])).toBe('failed');
  });
});
