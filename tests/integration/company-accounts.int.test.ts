import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type Q = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
const fields = (res: { body: { errors?: { field: string; rule: string; message: string }[] } }) => (res.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

describe(`the owner manages the company's accounts (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let owner: Client;
  let q: Q;
  const idOf = async (email: string) => (await q<{ id: string }>(`select id from accounts where email = $1`, [email]))[0]!.id;
  const inviteMail = async (email: string) => {
    const [row] = await q<{ text: string; subject: string; language: string }>(`select text, subject, language from outbox_messages where template = 'admin_invite' and to_address = $1 order by created_at desc limit 1`, [email]);
    return { ...row!, token: /\/set-password\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]! };
  };

  beforeAll(async () => {
    portal = await createTestPortal({ PUBLIC_URL: 'https://portal.example.test' });
    owner = await portal.signIn('owner@acme.example');
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
  });
  afterAll(async () => portal?.close());

  it("lists the company's accounts only, with their roles, searchable and paged", async () => {
    const all = await owner.get('/api/company/accounts');
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { email: string; role: string }) => `${a.email}:${a.role}`)).toEqual(['readonly@acme.example:read_only', 'billing@acme.example:billing', 'owner@acme.example:owner', 'admin@acme.example:administrator']);
    const found = await owner.get('/api/company/accounts?q=VAN%20DAMME');
    expect(found.body).toMatchObject({ total: 1, items: [{ email: 'admin@acme.example', status: 'active' }] });
    const paged = await owner.get('/api/company/accounts?pageSize=2&page=2');
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
    expect((await owner.get('/api/company/accounts?role=read_only')).body.items.map((a: { email: string }) => a.email)).toEqual(['readonly@acme.example']);
    const bad = await owner.get('/api/company/accounts?role=king');
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['role:invalid_choice']);
  });

  it('invites a colleague with a role: an e-mail in their language, a password by the usual link, and the role’s rights', async () => {
    const res = await owner.post('/api/company/accounts', { email: 'Compta@Acme.example', fullName: 'Julie Lambert', language: 'fr', role: 'billing' });
    expect(res.status).toBe(201);
    const mail = await inviteMail('compta@acme.example');
    expect(mail.language).toBe('fr');
    expect(mail.subject).toBe('Votre compte MyDstny pour Acme Logistics');
    expect(mail.text).toContain('Pieter Claes vous invite dans le compte de Acme Logistics');
    expect(mail.text).toContain('Facturation');
    const anon = portal.anonymous();
    expect((await anon.post(`/api/auth/invitations/${mail.token}/password`, { password: 'quatre petits chats gris' })).status).toBe(200);
    const julie = await portal.signIn('compta@acme.example', 'quatre petits chats gris');
    const me = (await julie.get('/api/auth/me')).body;
    expect(me.account).toMatchObject({ companyRole: 'billing', language: 'fr' });
    expect(me.account.permissions).toContain('billing.read');
    expect(me.account.permissions).not.toContain('services.change');
    expect((await julie.get('/api/billing/next-bill')).status).toBe(200);
    expect((await julie.get('/api/mobile-users')).status).toBe(403);
    const [audit] = await q<{ action: string; after: { role: string } }>(`select action, after from audit_events where entity_id = $1 order by created_at limit 1`, [res.body.id]);
    expect(audit).toMatchObject({ action: 'account.invited', after: { role: 'billing' } });
  });

  it('refuses a bad invitation, naming the field, with nothing written', async () => {
    const before = await q(`select count(*)::int as n from accounts`);
    const taken = await owner.post('/api/company/accounts', { email: 'admin@brightwave.example', fullName: 'X', language: 'en', role: 'administrator' });
    expect(taken.status).toBe(409);
    expect(fields(taken)).toEqual(['email:account_taken']);
    // messages come in the signed-in account's language
    await owner.put('/api/auth/me/language', { language: 'nl' });
    const bad = await owner.post('/api/company/accounts', { email: 'nope', fullName: '', language: 'de', role: 'operator' });
    await owner.put('/api/auth/me/language', { language: 'en' });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['email:invalid_email', 'fullName:required', 'language:invalid_choice', 'role:invalid_choice'].sort());
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'role').message).toMatch(/^Rol /);
    expect(await q(`select count(*)::int as n from accounts`)).toEqual(before);
  });

  it("a changed role applies to the person's open session at once", async () => {
    const admin = await portal.signIn('admin@acme.example');
    expect((await admin.post('/api/company/offices', {})).status).toBe(400);
    const id = await idOf('admin@acme.example');
    expect((await owner.put(`/api/company/accounts/${id}/role`, { role: 'read_only' })).status).toBe(204);
    const refused = await admin.post('/api/company/offices', {});
    expect(refused.status).toBe(403);
    expect((await admin.get('/api/auth/me')).body.account.permissions).not.toContain('company.change');
    expect((await owner.put(`/api/company/accounts/${id}/role`, { role: 'administrator' })).status).toBe(204);
    expect((await admin.post('/api/company/offices', {})).status).toBe(400);
    const actions = await q<{ action: string }>(`select action from audit_events where entity_id = $1 order by created_at`, [id]);
    expect(actions.map((a) => a.action)).toEqual(['account.role_changed', 'account.role_changed']);
  });

  it('deactivating ends their sessions at once; reactivating lets them sign in again', async () => {
    const readOnly = await portal.signIn('readonly@acme.example');
    const id = await idOf('readonly@acme.example');
    expect((await owner.post(`/api/company/accounts/${id}/deactivate`)).status).toBe(204);
    expect((await readOnly.get('/api/service-overview/summary')).status).toBe(401);
    expect((await portal.anonymous().post('/api/auth/login', { email: 'readonly@acme.example', password: 'fleetdesk-demo' })).status).not.toBe(200);
    expect((await owner.post(`/api/company/accounts/${id}/deactivate`)).body.code).toBe('ACCOUNT.ILLEGAL_TRANSITION');
    expect((await owner.post(`/api/company/accounts/${id}/reactivate`)).status).toBe(204);
    expect((await (await portal.signIn('readonly@acme.example')).get('/api/service-overview/summary')).status).toBe(200);
  });

  it('keeps at least one active owner: the last one can be neither demoted nor deactivated', async () => {
    const me = await idOf('owner@acme.example');
    await owner.put('/api/auth/me/language', { language: 'fr' });
    const demote = await owner.put(`/api/company/accounts/${me}/role`, { role: 'administrator' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('ACCOUNT.LAST_OWNER');
    expect(fields(demote)).toEqual(['role:last_owner']);
    expect(demote.body.errors[0].message).toMatch(/^Rôle : l’entreprise doit garder au moins un propriétaire actif/);
    await owner.put('/api/auth/me/language', { language: 'en' });
    const leave = await owner.post(`/api/company/accounts/${me}/deactivate`);
    expect(leave.status).toBe(409);
    expect(fields(leave)).toEqual(['status:last_owner']);
    // an invited owner does not count until they have chosen a password
    const invited = await owner.post('/api/company/accounts', { email: 'second.owner@acme.example', fullName: 'Bart Peeters', language: 'nl', role: 'owner' });
    expect((await owner.put(`/api/company/accounts/${me}/role`, { role: 'administrator' })).body.code).toBe('ACCOUNT.LAST_OWNER');
    const { token } = await inviteMail('second.owner@acme.example');
    await portal.anonymous().post(`/api/auth/invitations/${token}/password`, { password: 'vier kleine grijze katten' });
    // two active owners: one may step down, and then the other is the last
    expect((await owner.put(`/api/company/accounts/${me}/role`, { role: 'administrator' })).status).toBe(204);
    const second = await portal.signIn('second.owner@acme.example', 'vier kleine grijze katten');
    expect((await second.post(`/api/company/accounts/${invited.body.id}/deactivate`)).body.code).toBe('ACCOUNT.LAST_OWNER');
    // the former owner lost the owner's rights with their role
    expect((await owner.get('/api/company/accounts')).status).toBe(403);
    expect((await second.put(`/api/company/accounts/${me}/role`, { role: 'owner' })).status).toBe(204);
    expect((await owner.get('/api/company/accounts')).status).toBe(200);
  });

  it("cannot reach another company's accounts", async () => {
    const other = await idOf('admin@brightwave.example');
    const before = await q(`select company_role, status from accounts where id = $1`, [other]);
    expect((await owner.put(`/api/company/accounts/${other}/role`, { role: 'read_only' })).status).toBe(404);
    expect((await owner.post(`/api/company/accounts/${other}/deactivate`)).status).toBe(404);
    expect((await owner.post(`/api/company/accounts/${other}/resend-invitation`)).status).toBe(404);
    expect(await q(`select company_role, status from accounts where id = $1`, [other])).toEqual(before);
    const brightOwner = await portal.signIn('owner@brightwave.example');
    expect((await brightOwner.get('/api/company/accounts')).body.items.map((a: { email: string }) => a.email)).toEqual(['owner@brightwave.example', 'admin@brightwave.example']);
  });

  it("operator staff can make a company's first owner; the owner's Team page is not theirs", async () => {
    const operator = await portal.signIn('operator@dstny.example');
    const bright = (await q<{ id: string }>(`select id from companies where name = 'Brightwave Consulting'`))[0]!.id;
    const res = await operator.post(`/api/companies/${bright}/administrators`, { email: 'second.owner@brightwave.example', fullName: 'Hélène Dubois', language: 'fr', role: 'owner' });
    expect(res.status).toBe(201);
    expect(await q(`select company_role from accounts where id = $1`, [res.body.id])).toEqual([{ company_role: 'owner' }]);
    const detail = (await operator.get(`/api/companies/${bright}`)).body;
    expect(detail.administrators.find((a: { id: string }) => a.id === res.body.id)).toMatchObject({ role: 'owner', status: 'invited' });
    // without a role it is today's administrator
    const plain = await operator.post(`/api/companies/${bright}/administrators`, { email: 'plain.admin@brightwave.example', fullName: 'Paul Simon', language: 'fr' });
    expect(await q(`select company_role from accounts where id = $1`, [plain.body.id])).toEqual([{ company_role: 'administrator' }]);
    expect((await operator.get('/api/company/accounts')).status).toBe(403);
  });
});
