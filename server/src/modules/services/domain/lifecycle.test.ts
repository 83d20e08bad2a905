import { describe, expect, it } from 'vitest';
import { nextStatus, SERVICE_STATUSES, TRANSITIONS, type LifecycleEvent } from './lifecycle.js';

describe('service lifecycle', () => {
  it('answers every (status, event) pair from the table and nothing else', () => {
    for (const status of SERVICE_STATUSES)
      for (const [event, t] of Object.entries(TRANSITIONS) as [LifecycleEvent, { from: readonly string[]; to: string }][])
        expect(nextStatus(status, event)).toBe(t.from.includes(status) ? t.to : null);
  });

  it('starts a waiting service and lets nothing else start it', () => {
    expect(nextStatus('waiting_for_activation', 'start_activation')).toBe('activation_started');
    for (const s of SERVICE_STATUSES.filter((s) => s !== 'waiting_for_activation')) expect(nextStatus(s, 'start_activation')).toBeNull();
  });

  it('only cancels services that have not started', () => {
    expect(nextStatus('waiting_for_activation', 'cancel')).toBe('cancelled');
    expect(nextStatus('activation_started', 'cancel')).toBeNull();
    expect(nextStatus('active', 'cancel')).toBeNull();
  });

  it('has no way out of the end states', () => {
    for (const end of ['terminated', 'cancelled'] as const)
      for (const e of Object.keys(TRANSITIONS) as LifecycleEvent[]) expect(nextStatus(end, e)).toBeNull();
  });

  it('becomes active only from provisioning or porting, and a refused port only comes back through a resubmission', () => {
    const intoActive = SERVICE_STATUSES.filter((s) => nextStatus(s, 'activate') === 'active');
    expect(intoActive.sort()).toEqual(['porting', 'provisioning']);
    expect(nextStatus('porting_refused', 'activate')).toBeNull();
    expect(nextStatus('porting_refused', 'resubmit_port_in')).toBe('porting');
    expect(nextStatus('porting_refused', 'resubmit_port_in_awaiting_user')).toBe('awaiting_user');
    expect(nextStatus('active', 'refuse_port_in')).toBeNull();
  });

  it('a failed activation is reached only from a process in progress, and left only by a retry', () => {
    const intoFailed = SERVICE_STATUSES.filter((s) => nextStatus(s, 'fail_activation') === 'activation_failed');
    expect(intoFailed.sort()).toEqual(['activation_started', 'awaiting_user', 'porting', 'provisioning']);
    const out = (Object.keys(TRANSITIONS) as LifecycleEvent[]).filter((e) => nextStatus('activation_failed', e) !== null);
    expect(out.sort()).toEqual(['retry_activation', 'retry_activation_awaiting_user', 'retry_activation_porting', 'retry_activation_provisioning']);
  });
});
