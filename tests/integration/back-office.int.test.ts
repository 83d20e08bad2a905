import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type Q = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

const contract = { reference: 'DST-TEST-0001', productTypes: ['mobile', 'fmc'], contractedServices: 25, startsOn: '2025-01-01', endsOn: '2027-12-31' };
const office = { name: 'Ghent', street: 'Korenmarkt 1', postalCode: '9000', city: 'Gent', country: 'BE' };
const fields = (res: { body: { errors?: { field: string; rule: string; message: string }[] } }) => (res.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

describe(`back office: companies, offices, administrators (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let operator: Client;
  let acmeAdmin: Client;
  let brightAdmin: Client;
  let acme: string;
  let bright: string;
  let q: Q;
  const count = async (table: string) => (await q<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  const inviteLink = async (email: string) => {
    const [row] = await q<{ text: string; html: string }>(`select text, html from outbox_messages where template = 'admin_invite' and to_address = $1 order by created_at desc limit 1`, [email]);
    return /\/set-password\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]!;
  };

  beforeAll(async () => {
    portal = await createTestPortal({ PUBLIC_URL: 'https://portal.example.test' });
    operator = await portal.signIn('operator@dstny.example');
    acmeAdmin = await portal.signIn('admin@acme.example');
    brightAdmin = await portal.signIn('admin@brightwave.example');
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    const companies = (await operator.get('/api/companies')).body.items as { id: string; name: string }[];
    acme = companies.find((c) => c.name === 'Acme Logistics')!.id;
    bright = companies.find((c) => c.name === 'Brightwave Consulting')!.id;
  });
  afterAll(async () => portal?.close());

  describe('companies and contracts', () => {
    it('creates a company with its contract and account manager, audited', async () => {
      const staff = (await operator.get('/api/back-office/operator-staff')).body.items as { id: string; fullName: string }[];
      expect(staff.map((s) => s.fullName)).toContain('Dstny Support Desk');
      const res = await operator.post('/api/companies', { name: 'Nordlicht Media', vatNumber: 'be 0123.456.789', accountManagerId: staff[0]!.id, contract });
      expect(res.status).toBe(201);
      const detail = (await operator.get(`/api/companies/${res.body.id}`)).body;
      expect(detail).toMatchObject({ name: 'Nordlicht Media', vatNumber: 'BE0123456789', accountManager: { id: staff[0]!.id }, offices: [], administrators: [] });
      expect(detail.contract).toMatchObject({ reference: 'DST-TEST-0001', contractedServices: 25, startsOn: '2025-01-01', endsOn: '2027-12-31' });
      expect(detail.contract.productTypes.map((p: { code: string }) => p.code)).toEqual(['mobile', 'fmc']);
      const audit = await q<{ action: string }>(`select action from audit_events where company_id = $1 order by created_at`, [res.body.id]);
      expect(audit.map((a) => a.action)).toEqual(['company.created', 'contract.created']);
    });

    it('refuses a bad contract naming the field, and writes nothing of the company', async () => {
      const before = await count('companies');
      const backwards = await operator.post('/api/companies', { name: 'Half Written NV', contract: { ...contract, reference: 'DST-TEST-0002', startsOn: '2026-01-01', endsOn: '2025-12-31' } });
      expect(backwards.status).toBe(422);
      expect(fields(backwards)).toEqual(['contract.endsOn:ends_before_start']);
      expect(backwards.body.errors[0].message).toMatch(/End of the contract period/);
      const unknown = await operator.post('/api/companies', { name: 'Half Written NV', contract: { ...contract, reference: 'DST-TEST-0002', productTypes: ['mobile', 'telex'] } });
      expect(unknown.status).toBe(422);
      expect(fields(unknown)).toEqual(['contract.productTypes.1:unknown_product_type']);
      const taken = await operator.post('/api/companies', { name: 'Half Written NV', contract });
      expect(taken.status).toBe(409);
      expect(fields(taken)).toEqual(['contract.reference:reference_taken']);
      const shape = await operator.post('/api/companies', { name: '  ', contract: { ...contract, contractedServices: 0, startsOn: '2025-02-30' } });
      expect(shape.status).toBe(400);
      expect(fields(shape).sort()).toEqual(['contract.contractedServices:too_small', 'contract.startsOn:invalid_format', 'name:required']);
      expect(await count('companies')).toBe(before);
      expect((await q(`select 1 from companies where name = 'Half Written NV'`)).length).toBe(0);
    });

    it('edits name, VAT number and contract; duplicate names, bad VAT numbers and non-staff managers are refused', async () => {
      const dup = await operator.put(`/api/companies/${bright}`, { name: 'acme logistics', vatNumber: null });
      expect(dup.status).toBe(409);
      expect(fields(dup)).toEqual(['name:company_taken']);
      const vat = await operator.put(`/api/companies/${bright}`, { name: 'Brightwave Consulting', vatNumber: 'BE12' });
      expect(fields(vat)).toEqual(['vatNumber:vat_format']);
      const adminAccount = (await q<{ id: string }>(`select id from accounts where email = 'admin@acme.example'`))[0]!.id;
      const manager = await operator.put(`/api/companies/${bright}`, { name: 'Brightwave Consulting', vatNumber: 'BE0765432109', accountManagerId: adminAccount });
      expect(manager.status).toBe(422);
      expect(fields(manager)).toEqual(['accountManagerId:not_operator_staff']);
      const ok = await operator.put(`/api/companies/${bright}`, { name: 'Brightwave Consulting', vatNumber: 'BE0765432109', accountManagerId: null });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ vatNumber: 'BE0765432109', accountManager: null });
      const period = await operator.put(`/api/companies/${bright}/contract`, { reference: ok.body.contract.reference, contractedServices: 12, productTypes: ['mobile'], startsOn: '2025-01-01', endsOn: '2025-01-01' });
      expect(period.status).toBe(422);
      expect(fields(period)).toEqual(['endsOn:ends_before_start']);
      const saved = await operator.put(`/api/companies/${bright}/contract`, { reference: ok.body.contract.reference, productTypes: ['mobile', 'fmc', 'mobile_data'], contractedServices: 40, startsOn: '2025-01-01', endsOn: '2028-06-30' });
      expect(saved.status).toBe(200);
      expect(saved.body.contract).toMatchObject({ contractedServices: 40, endsOn: '2028-06-30' });
      const audit = await q<{ action: string; before: { contractedServices: number }; after: { contractedServices: number } }>(
        `select action, before, after from audit_events where company_id = $1 and action = 'contract.updated'`,
        [bright],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]!.after.contractedServices).toBe(40);
      // the administrator sees the manager field follow
      expect((await brightAdmin.get('/api/company')).body.accountManager).toBeNull();
      expect((await acmeAdmin.get('/api/company')).body.accountManager).toMatchObject({ fullName: 'Dstny Support Desk', email: 'operator@dstny.example' });
    });

    it('answers 404 for an unknown company', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await operator.put(`/api/companies/${unknown}`, { name: 'Ghost' })).status).toBe(404);
      expect((await operator.put(`/api/companies/${unknown}/contract`, contract)).status).toBe(404);
      expect((await operator.post(`/api/companies/${unknown}/offices`, office)).status).toBe(404);
    });
  });

  describe('offices', () => {
    it('operator staff add, edit and remove an office; a Belgian postal code has 4 digits', async () => {
      const bad = await operator.post(`/api/companies/${acme}/offices`, { ...office, postalCode: '90000' });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['postalCode:postal_code_be']);
      const missing = await operator.post(`/api/companies/${acme}/offices`, { ...office, city: '' });
      expect(fields(missing)).toEqual(['city:required']);
      const created = await operator.post(`/api/companies/${acme}/offices`, office);
      expect(created.status).toBe(201);
      expect((await operator.put(`/api/companies/${acme}/offices/${created.body.id}`, { ...office, name: 'Ghent HQ' })).status).toBe(204);
      const listed = (await operator.get(`/api/companies/${acme}`)).body.offices.find((o: { id: string }) => o.id === created.body.id);
      expect(listed).toMatchObject({ name: 'Ghent HQ', mobileUserCount: 0 });
      expect((await operator.delete(`/api/companies/${acme}/offices/${created.body.id}`)).status).toBe(204);
      const actions = await q<{ action: string }>(`select action from audit_events where entity_id = $1 order by created_at`, [created.body.id]);
      expect(actions.map((a) => a.action)).toEqual(['office.created', 'office.updated', 'office.deleted']);
    });

    it('refuses to remove an office mobile users belong to, saying how many', async () => {
      const used = (await operator.get(`/api/companies/${acme}`)).body.offices.find((o: { mobileUserCount: number }) => o.mobileUserCount > 0);
      const res = await operator.delete(`/api/companies/${acme}/offices/${used.id}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('OFFICE.IN_USE_BY_USERS');
      expect(res.body.detail).toContain(String(used.mobileUserCount));
      expect((await q(`select 1 from offices where id = $1`, [used.id])).length).toBe(1);
    });

    it("lets an administrator maintain their own company's offices, and no other's", async () => {
      const mine = await brightAdmin.post('/api/company/offices', { ...office, name: 'Liège', street: 'Place Saint-Lambert 1', postalCode: '4000', city: 'Liège' });
      expect(mine.status).toBe(201);
      expect((await brightAdmin.put(`/api/company/offices/${mine.body.id}`, { ...office, name: 'Liège centre', street: 'Place Saint-Lambert 1', postalCode: '4000', city: 'Liège' })).status).toBe(204);
      const acmeOffice = (await acmeAdmin.get('/api/company')).body.offices[0] as { id: string; name: string };
      const before = await q(`select * from offices where id = $1`, [acmeOffice.id]);
      // Brightwave's administrator cannot change or remove Acme's office: for them it does not exist
      expect((await brightAdmin.put(`/api/company/offices/${acmeOffice.id}`, office)).status).toBe(404);
      expect((await brightAdmin.delete(`/api/company/offices/${acmeOffice.id}`)).status).toBe(404);
      expect(await q(`select * from offices where id = $1`, [acmeOffice.id])).toEqual(before);
      // nor reach the operator's version of the endpoints
      expect((await brightAdmin.post(`/api/companies/${acme}/offices`, office)).status).toBe(403);
      expect((await acmeAdmin.get('/api/company')).body.offices.map((o: { name: string }) => o.name)).not.toContain('Liège centre');
      expect((await brightAdmin.delete(`/api/company/offices/${mine.body.id}`)).status).toBe(204);
      const audit = await q<{ company_id: string; actor_name: string }>(`select company_id, actor_name from audit_events where entity_id = $1`, [mine.body.id]);
      expect(audit.every((a) => a.company_id === bright && a.actor_name === 'Claire Dubois')).toBe(true);
    });
  });

  describe('administrators: invitation, password, deactivation', () => {
    const email = 'jan.peeters@acme.example';
    let accountId: string;

    it('invites an administrator: an account without a usable password and a single-use link by e-mail', async () => {
      const res = await operator.post(`/api/companies/${acme}/administrators`, { email: 'Jan.Peeters@acme.example', fullName: 'Jan Peeters', language: 'nl' });
      expect(res.status).toBe(201);
      accountId = res.body.id;
      const [account] = await q<{ status: string; password_hash: string; role: string }>(`select status, password_hash, role from accounts where id = $1`, [accountId]);
      expect(account).toMatchObject({ status: 'invited', role: 'admin' });
      expect(account!.password_hash.startsWith('scrypt$')).toBe(false);
      const token = await inviteLink(email);
      const [inv] = await q<{ token_hash: string }>(`select token_hash from account_invitations where account_id = $1`, [accountId]);
      expect(inv!.token_hash).not.toContain(token);
      const [mail] = await q<{ subject: string; html: string; language: string }>(`select subject, html, language from outbox_messages where template = 'admin_invite' and to_address = $1`, [email]);
      expect(mail).toMatchObject({ language: 'nl', subject: expect.stringContaining('Acme Logistics') });
      expect(mail!.html).toContain(`href="https://portal.example.test/set-password/${token}"`);
      const admins = (await operator.get(`/api/companies/${acme}`)).body.administrators;
      expect(admins.find((a: { id: string }) => a.id === accountId)).toMatchObject({ status: 'invited', invitationExpiresAt: expect.any(String), lastLoginAt: null });
      // not yet able to sign in: it looks like any wrong password
      const early = await portal.anonymous().post('/api/auth/login', { email, password: '!invited' });
      expect(early.status).toBe(401);
      const again = await operator.post(`/api/companies/${acme}/administrators`, { email, fullName: 'Jan Again', language: 'en' });
      expect(again.status).toBe(409);
      expect(fields(again)).toEqual(['email:account_taken']);
    });

    it('sets the password through the link once, with the password rules, then signs in', async () => {
      const token = await inviteLink(email);
      const anon = portal.anonymous();
      const view = await anon.get(`/api/auth/invitations/${token}`);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ email, fullName: 'Jan Peeters', companyName: 'Acme Logistics', language: 'nl' });
      const short = await anon.post(`/api/auth/invitations/${token}/password`, { password: 'too-short' });
      expect(short.status).toBe(400);
      expect(fields(short)).toEqual(['password:too_short']);
      const common = await anon.post(`/api/auth/invitations/${token}/password`, { password: 'Password1234' });
      expect(fields(common)).toEqual(['password:password_common']);
      // a page on another site cannot post it
      expect((await anon.request('POST', `/api/auth/invitations/${token}/password`, { password: 'a long enough phrase' }, { origin: 'https://evil.example' })).status).toBe(403);
      const set = await anon.post(`/api/auth/invitations/${token}/password`, { password: 'zeven kleine dwergen' });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ email });
      const reused = await anon.post(`/api/auth/invitations/${token}/password`, { password: 'another long phrase' });
      expect(reused.status).toBe(410);
      expect(reused.body.code).toBe('INVITATION.USED');
      expect((await anon.get(`/api/auth/invitations/${token}`)).body.code).toBe('INVITATION.USED');
      const jan = await portal.signIn(email, 'zeven kleine dwergen');
      const me = (await jan.get('/api/auth/me')).body.account;
      expect(me).toMatchObject({ role: 'admin', company: { id: acme }, language: 'nl' });
      expect((await jan.get('/api/mobile-users')).status).toBe(200);
      const actions = await q<{ action: string }>(`select action from audit_events where entity_id = $1 order by created_at`, [accountId]);
      expect(actions.map((a) => a.action)).toEqual(['administrator.invited', 'administrator.password_set']);
      // resending only makes sense while invited
      const resend = await operator.post(`/api/companies/${acme}/administrators/${accountId}/resend-invitation`);
      expect(resend.status).toBe(409);
    });

    it('refuses an expired or replaced link, and an unknown one', async () => {
      const res = await operator.post(`/api/companies/${acme}/administrators`, { email: 'late.comer@acme.example', fullName: 'Late Comer', language: 'fr' });
      const first = await inviteLink('late.comer@acme.example');
      expect((await operator.post(`/api/companies/${acme}/administrators/${res.body.id}/resend-invitation`)).status).toBe(204);
      const second = await inviteLink('late.comer@acme.example');
      expect(second).not.toBe(first);
      const anon = portal.anonymous();
      expect((await anon.post(`/api/auth/invitations/${first}/password`, { password: 'a long enough phrase' })).body.code).toBe('INVITATION.INVALID');
      await q(`update account_invitations set expires_at = now() - interval '1 minute' where account_id = $1 and revoked_at is null`, [res.body.id]);
      const expired = await anon.post(`/api/auth/invitations/${second}/password`, { password: 'a long enough phrase' });
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('INVITATION.EXPIRED');
      expect((await anon.get(`/api/auth/invitations/${'x'.repeat(43)}`)).status).toBe(404);
      const [account] = await q<{ status: string }>(`select status from accounts where id = $1`, [res.body.id]);
      expect(account!.status).toBe('invited');
    });

    it('deactivation ends the sessions and blocks sign-in; reactivation lets them back', async () => {
      const jan = await portal.signIn(email, 'zeven kleine dwergen');
      const otherBrowser = await portal.signIn(email, 'zeven kleine dwergen');
      expect((await jan.get('/api/auth/me')).status).toBe(200);
      expect((await operator.post(`/api/companies/${acme}/administrators/${accountId}/deactivate`)).status).toBe(204);
      expect((await jan.get('/api/auth/me')).status).toBe(401);
      expect((await otherBrowser.get('/api/mobile-users')).status).toBe(401);
      expect(await count(`sessions where account_id = '${accountId}'`)).toBe(0);
      const refused = await portal.anonymous().post('/api/auth/login', { email, password: 'zeven kleine dwergen' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUTH.ACCOUNT_DEACTIVATED');
      // a wrong password still says only that
      expect((await portal.anonymous().post('/api/auth/login', { email, password: 'wrong wrong wrong' })).status).toBe(401);
      expect((await operator.post(`/api/companies/${acme}/administrators/${accountId}/deactivate`)).status).toBe(409);
      expect((await operator.get(`/api/companies/${acme}`)).body.administrators.find((a: { id: string }) => a.id === accountId).status).toBe('deactivated');
      // another company's URL does not reach this account
      expect((await operator.post(`/api/companies/${bright}/administrators/${accountId}/reactivate`)).status).toBe(404);
      expect((await operator.post(`/api/companies/${acme}/administrators/${accountId}/reactivate`)).status).toBe(204);
      const back = await portal.signIn(email, 'zeven kleine dwergen');
      expect((await back.get('/api/auth/me')).status).toBe(200);
      const actions = await q<{ action: string }>(`select action from audit_events where entity_id = $1 order by created_at`, [accountId]);
      expect(actions.map((a) => a.action).slice(-2)).toEqual(['administrator.deactivated', 'administrator.reactivated']);
    });

    it('a deactivated invitee cannot use their link', async () => {
      const res = await operator.post(`/api/companies/${bright}/administrators`, { email: 'marc.dupont@brightwave.example', fullName: 'Marc Dupont', language: 'fr' });
      const token = await inviteLink('marc.dupont@brightwave.example');
      expect((await operator.post(`/api/companies/${bright}/administrators/${res.body.id}/deactivate`)).status).toBe(204);
      expect((await portal.anonymous().post(`/api/auth/invitations/${token}/password`, { password: 'a long enough phrase' })).status).toBe(404);
      // reactivated without a password: invited again, and a new link works
      expect((await operator.post(`/api/companies/${bright}/administrators/${res.body.id}/reactivate`)).status).toBe(204);
      expect((await operator.post(`/api/companies/${bright}/administrators/${res.body.id}/resend-invitation`)).status).toBe(204);
      const fresh = await inviteLink('marc.dupont@brightwave.example');
      expect((await portal.anonymous().post(`/api/auth/invitations/${fresh}/password`, { password: 'un mot de passe assez long' })).status).toBe(200);
    });
  });

  describe('porting issues across companies', () => {
    it('lists refused port-ins of every company for operator staff, filtered by company, read-only', async () => {
      // one refused port-in in each company, as the activation process leaves them (see activation.int.test.ts for the real flow)
      for (const [companyId, msisdn] of [[acme, '+32475990001'], [bright, '+32475990002']] as const) {
        const [service] = await q<{ id: string }>(`select id from services where company_id = $1 and status = 'active' order by id limit 1`, [companyId]);
        await q(`update services set status = 'porting_refused' where id = $1`, [service!.id]);
        await q(
          `insert into port_ins (company_id, service_id, msisdn, donor_operator, account_type, customer_number, holder_name, status, attempt, refusal_code, refusal_reason, refused_at)
           values ($1, $2, $3, 'proximus', 'postpaid', '999', 'Holder', 'refused', 1, 'customer_number_mismatch', 'Customer number does not match', now())`,
          [companyId, service!.id, msisdn],
        );
      }
      const all = await operator.get('/api/back-office/porting-issues');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
      expect(all.body.items.map((i: { companyName: string; msisdn: string }) => `${i.companyName} ${i.msisdn}`).sort()).toEqual(['Acme Logistics +32475990001', 'Brightwave Consulting +32475990002']);
      const onlyBright = await operator.get(`/api/back-office/porting-issues?companyId=${bright}`);
      expect(onlyBright.body.items.map((i: { companyId: string }) => i.companyId)).toEqual([bright]);
      const acmeIssue = all.body.items.find((i: { companyId: string }) => i.companyId === acme);
      const byName = await operator.get(`/api/back-office/porting-issues?q=${encodeURIComponent(acmeIssue.userName.split(' ').at(-1))}`);
      expect(byName.body.items.map((i: { serviceId: string }) => i.serviceId)).toEqual([acmeIssue.serviceId]);
      // each administrator still sees only their own
      expect((await brightAdmin.get('/api/porting-issues')).body.items.map((i: { msisdn: string }) => i.msisdn)).toEqual(['+32475990002']);
      expect((await operator.get('/api/back-office/porting-issues?companyId=nope')).status).toBe(400);
      // operator staff cannot resubmit: that is the administrator's endpoint
      expect((await operator.post(`/api/porting-issues/${acme}/resubmit`, {})).status).toBe(403);
      // the administrator's list is unchanged in shape
      const mine = await acmeAdmin.get('/api/porting-issues');
      expect(mine.status).toBe(200);
      for (const item of mine.body.items) expect(item).not.toHaveProperty('companyName');
    });
  });
});
