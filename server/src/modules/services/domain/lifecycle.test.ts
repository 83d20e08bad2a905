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

describe('line operations in the lifecycle', () => {
  const from = (event: LifecycleEvent) => SERVICE_STATUSES.filter((s) => nextStatus(s, event) !== null).sort();

  it('suspends only an active line, and only a suspended one resumes', () => {
    expect(from('suspend')).toEqual(['active']);
    expect(from('resume')).toEqual(['suspended']);
    // no suspension of a line still being activated or ported
    for (const s of ['activation_started', 'awaiting_user', 'provisioning', 'porting', 'porting_refused'] as const) expect(nextStatus(s, 'suspend')).toBeNull();
  });

  it('bars an active line reported lost, and lifts the bar only from barred, back to active', () => {
    expect(from('report_lost')).toEqual(['active']);
    expect(nextStatus('active', 'report_lost')).toBe('barred');
    expect(from('lift_bar')).toEqual(['barred']);
    expect(nextStatus('barred', 'lift_bar')).toBe('active');
  });

  it('swaps the SIM of an active or barred line without changing its status', () => {
    expect(nextStatus('active', 'request_sim_swap')).toBe('active');
    expect(nextStatus('barred', 'request_replacement')).toBe('barred');
    expect([...from('request_sim_swap'), ...from('request_replacement')].sort()).toEqual(['active', 'barred']);
  });

  it('deletes a suspended or barred line as it deletes an active one; a suspended line changes bundle only once resumed', () => {
    expect(from('terminate')).toEqual(['active', 'barred', 'suspended']);
    expect(from('change')).toEqual(['active']);
  });
});
