import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

// Twenty administrators' browsers saving the wizard at the same moment for the same item:
// exactly one gets it, the others a translated 409, and no service or reservation is left behind.
describe(`stock is never handed out twice (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  const RACERS = 20;
  const userIds: string[] = [];
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const serviceCount = async () => (await q<{ n: number }>(`select count(*)::int as n from services where status <> 'cancelled'`))[0]!.n;

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
    // one fresh user per racer, so only the stock item is shared
    for (let i = 0; i < RACERS; i += 1) {
      const res = await acme.post('/api/mobile-users', { firstName: 'Racer', lastName: `No ${i}`, email: `racer.${i}@acme.example`, language: i % 2 ? 'fr' : 'nl' });
      userIds.push(res.body.id);
    }
  });
  afterAll(async () => portal?.close());

  const race = async (body: (i: number) => Record<string, unknown>) => {
    const before = await serviceCount();
    const results = await Promise.all(userIds.map((id, i) => acme.post(`/api/mobile-users/${id}/services`, body(i))));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.status)).toEqual(Array(RACERS - 1).fill(409));
    expect(await serviceCount()).toBe(before + 1);
    return { winner: won[0]!.body, losers: lost.map((r) => r.body) };
  };
  const base = { productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-s', optionCodes: [], activation: { method: 'automatic', timing: 'later' } };

  it('the same SIM card', async () => {
    const [{ iccid }] = (await q<{ iccid: string }>(`select iccid from sim_cards where kind = 'physical' and status = 'in_stock' and company_id = (select id from companies where name = 'Acme Logistics') order by iccid limit 1`)) as [{ iccid: string }];
    const free = (await acme.get('/api/wizard/stock')).body.freeMobileNumbers as string[];
    const { winner, losers } = await race((i) => ({ ...base, number: { kind: 'new', msisdn: free[i % free.length] }, sim: { kind: 'admin_sim', iccid } }));
    expect(winner.sim).toEqual({ kind: 'physical', iccid, codesRecorded: expect.any(Boolean) });
    expect(losers.every((l) => l.code === 'STOCK.SIM_TAKEN' || l.code === 'STOCK.MOBILE_NUMBER_TAKEN')).toBe(true);
    expect(losers.some((l) => l.code === 'STOCK.SIM_TAKEN')).toBe(true);
    expect(await q(`select status, service_id from sim_cards where iccid = $1`, [iccid])).toEqual([{ status: 'reserved', service_id: winner.id }]);
    // the losers' numbers went back to the pool: only the winner holds one
    expect(await q(`select msisdn from mobile_numbers where status = 'reserved'`)).toEqual([{ msisdn: winner.msisdn }]);
  });

  it('the same fixed number', async () => {
    const fixed = (await acme.get('/api/wizard/fixed-numbers')).body.available[0];
    const { winner, losers } = await race(() => withNumberAndFixed(fixed.id));
    expect(winner.fixedNumber).toEqual({ id: fixed.id, number: fixed.number });
    expect(losers.every((l) => l.code === 'STOCK.FIXED_NUMBER_TAKEN')).toBe(true);
    expect(await q(`select service_id from fixed_numbers where id = $1`, [fixed.id])).toEqual([{ service_id: winner.id }]);
  });
  // each racer takes a different new number, so the fixed number is the only thing they share
  let pool: string[] = [];
  const withNumberAndFixed = (fixedNumberId: string) => {
    const msisdn = pool.shift();
    return {
      ...base,
      productTypeCode: 'smartmobile',
      serviceTypeCode: 'smartmobile.converged',
      bundleCode: 'smart-pro',
      number: { kind: 'new', msisdn },
      sim: { kind: 'user_enters' },
      activation: { method: 'email', timing: 'later' },
      fixedNumber: { kind: 'available', fixedNumberId },
    };
  };

  it('the last free mobile number', async () => {
    const [{ msisdn }] = (await q<{ msisdn: string }>(`select msisdn from mobile_numbers where status = 'free' order by msisdn desc limit 1`)) as [{ msisdn: string }];
    await q(`update mobile_numbers set status = 'quarantined' where status = 'free' and msisdn <> $1`, [msisdn]);
    expect((await acme.get('/api/wizard/stock')).body.freeMobileNumberTotal).toBe(1);
    const { winner, losers } = await race(() => ({ ...base, number: { kind: 'new', msisdn }, sim: { kind: 'esim' } }));
    expect(winner.msisdn).toBe(msisdn);
    expect(losers.every((l) => l.code === 'STOCK.MOBILE_NUMBER_TAKEN')).toBe(true);
    expect(losers[0].detail).toBe('This mobile number was just reserved for another service. Choose another number; nothing was saved.');
    expect(losers[0].errors[0]).toMatchObject({ field: 'number.msisdn', rule: 'number_not_free' });
    // no eSIM profile was kept by a loser
    expect(await q(`select count(*)::int as n from sim_cards where kind = 'esim' and status = 'reserved'`)).toEqual([{ n: 1 }]);
  });

  // Two reads (is a port-in pending? is the number ours?) once let a loser see the winner's commit
  // between them and answer 422 "already ours": the loser of a race always gets the race's answer.
  // The window is narrow, so the race runs for a few numbers.
  it('the same number to port in', async () => {
    for (const msisdn of ['+32475123456', '+32475100001', '+32475100002', '+32475100003', '+32475100004']) {
      const portIn = { kind: 'port_in', msisdn, donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '1234567', holderName: 'Acme Logistics NV' };
      const { winner, losers } = await race(() => ({ ...base, number: portIn, sim: { kind: 'user_enters' }, activation: { method: 'email', timing: 'later' } }));
      expect(winner.portIn).toMatchObject({ msisdn, status: 'draft' });
      expect(losers.map((l) => l.code)).toEqual(Array(RACERS - 1).fill('PORTING.ALREADY_PENDING'));
      expect(await q(`select service_id from port_ins where msisdn = $1`, [msisdn])).toEqual([{ service_id: winner.id }]);
    }
  });

  beforeAll(async () => {
    pool = (await q<{ msisdn: string }>(`select msisdn from mobile_numbers where status = 'free' order by msisdn desc limit ${RACERS}`)).map((r) => r.msisdn);
  });
});
