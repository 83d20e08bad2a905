import { describe, expect, it } from 'vitest';
import { employeeOwners, SessionCache, type FoundEmployeeSession, type FoundSession } from './session-cache.js';

const session = (accountId: string, companyId: string | null): FoundSession => ({
  csrfToken: 'csrf',
  account: { id: accountId, email: 'a@b.example', fullName: 'A', role: 'admin', companyRole: 'administrator', language: 'en', company: companyId ? { id: companyId, name: 'C' } : null },
});
const far = new Date(Date.now() + 3600_000);

const listeningCache = (ttlMs = 30_000, now = () => 1_000) => {
  const cache = new SessionCache(ttlMs, now);
  cache.setListening(true);
  return cache;
};

describe('the session cache', () => {
  it('answers a session it was told about, until its time is up or the session expires', () => {
    let now = 1_000;
    const cache = listeningCache(30_000, () => now);
    cache.remember('h1', session('a1', 'c1'), far, cache.ticket());
    cache.remember('h2', session('a2', 'c1'), new Date(now + 5_000), cache.ticket());
    expect(cache.get('h1')?.account.id).toBe('a1');
    now += 5_000;
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h1')).toBeDefined();
    now += 25_000;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets a session, an account’s sessions or a company’s when the database announces a change', () => {
    const cache = listeningCache();
    cache.remember('h1', session('a1', 'c1'), far, cache.ticket());
    cache.remember('h2', session('a1', 'c1'), far, cache.ticket());
    cache.remember('h3', session('a2', 'c1'), far, cache.ticket());
    cache.remember('h4', session('a3', 'c2'), far, cache.ticket());
    cache.remember('h5', session('op', null), far, cache.ticket());
    cache.announce('s:h5');
    expect(cache.get('h5')).toBeUndefined();
    cache.announce('a:a1');
    expect([cache.get('h1'), cache.get('h2')]).toEqual([undefined, undefined]);
    expect(cache.get('h3')).toBeDefined();
    cache.announce('c:c1');
    expect(cache.get('h3')).toBeUndefined();
    expect(cache.get('h4')?.account.id).toBe('a3');
    // an announcement it does not understand: everything goes
    cache.announce('x:whatever');
    expect(cache.size).toBe(0);
  });

  it('does not keep a look-up that a change overtook (it may have read what the change removed)', () => {
    const cache = listeningCache();
    const ticket = cache.ticket();
    cache.announce('a:someone-else');
    cache.remember('h1', session('a1', 'c1'), far, ticket);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('serves nothing while it does not hear the announcements, and starts empty when it hears them again', () => {
    const cache = listeningCache();
    cache.remember('h1', session('a1', 'c1'), far, cache.ticket());
    cache.setListening(false);
    expect(cache.get('h1')).toBeUndefined();
    cache.remember('h1', session('a1', 'c1'), far, cache.ticket());
    cache.setListening(true);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('keeps nothing when its time is zero', () => {
    const cache = listeningCache(0);
    cache.remember('h1', session('a1', 'c1'), far, cache.ticket());
    expect(cache.get('h1')).toBeUndefined();
  });

  it('keeps employee sessions (My lines) by their mobile user: an employee change or their company drops theirs only', () => {
    const employee = (id: string, companyId: string): FoundEmployeeSession => ({ csrfToken: 'c', employee: { id, companyId, companyName: 'C', firstName: 'E', lastName: 'M', email: 'e@c.example', language: 'en' } });
    const cache = new SessionCache<FoundEmployeeSession>(30_000, () => 1_000, employeeOwners);
    cache.setListening(true);
    cache.remember('e1', employee('u1', 'c1'), far, cache.ticket());
    cache.remember('e2', employee('u2', 'c1'), far, cache.ticket());
    cache.remember('e3', employee('u3', 'c2'), far, cache.ticket());
    // an account's announcement names no employee
    cache.announce('a:u1');
    expect(cache.get('e1')).toBeDefined();
    cache.announce('e:u1');
    expect([cache.get('e1'), cache.get('e2')?.employee.id]).toEqual([undefined, 'u2']);
    cache.announce('c:c1');
    expect([cache.get('e2'), cache.get('e3')?.employee.id]).toEqual([undefined, 'u3']);
    cache.announce('s:e3');
    expect(cache.get('e3')).toBeUndefined();
  });
});
