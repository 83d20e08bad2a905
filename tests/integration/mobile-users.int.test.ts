import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

describe(`manage users (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let admin: Client;
  beforeAll(async () => {
    portal = await createTestPortal();
    admin = await portal.signIn('admin@acme.example');
  });
  afterAll(async () => portal?.close());

  const newUser = (over: Record<string, unknown> = {}) => ({
    firstName: 'Bart',
    lastName: 'Vandenberghe',
    email: 'bart.vandenberghe@acme.example',
    language: 'nl',
    department: 'Logistics',
    costCentre: 'CC-LOG',
    ...over,
  });

  it('lists the company users by last name, 20 a page, with their numbers and office', async () => {
    const res = await admin.get('/api/mobile-users');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(30);
    expect(res.body.items).toHaveLength(20);
    const names = res.body.items.map((u: { lastName: string }) => u.lastName.toLowerCase());
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(res.body.items[0]).toMatchObject({ lastName: 'Aerts', officeName: expect.any(String) });
    const page2 = await admin.get('/api/mobile-users?page=2');
    expect(page2.body.items).toHaveLength(10);
    expect(page2.body.items[0].id).not.toBe(res.body.items[0].id);
  });

  it('sorts by e-mail and department both ways', async () => {
    const desc = await admin.get('/api/mobile-users?sort=email&order=desc&pageSize=100');
    const emails = desc.body.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const dept = await admin.get('/api/mobile-users?sort=department&pageSize=100');
    const departments = dept.body.items.map((u: { department: string | null }) => u.department);
    // users without a department come last
    expect(departments.slice(-2)).toEqual([null, null]);
  });

  it('finds users by part of a name, by e-mail and by a number in any format', async () => {
    expect((await admin.get('/api/mobile-users?q=janss')).body.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Janssens']);
    expect((await admin.get('/api/mobile-users?q=Lotte%20Janssens')).body.total).toBe(1);
    expect((await admin.get('/api/mobile-users?q=hugo.martin%40acme')).body.total).toBe(1);
    const withNumber = (await admin.get('/api/mobile-users?q=janss')).body.items[0];
    const msisdn: string = withNumber.numbers[0];
    const national = `0${msisdn.slice(3, 6)} ${msisdn.slice(6, 8)} ${msisdn.slice(8, 10)} ${msisdn.slice(10)}`;
    for (const typed of [msisdn, national, msisdn.replace('+', '00')]) {
      const found = await admin.get(`/api/mobile-users?q=${encodeURIComponent(typed)}`);
      expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([withNumber.id]);
    }
    const none = await admin.get('/api/mobile-users?q=%25%25');
    expect(none.body.total).toBe(0);
  });

  it('creates a user and shows it with an audit line of who did it', async () => {
    const res = await admin.post('/api/mobile-users', newUser());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstName: 'Bart', email: 'bart.vandenberghe@acme.example', services: [], numbers: [] });
    const got = await admin.get(`/api/mobile-users/${res.body.id}`);
    expect(got.body.lastName).toBe('Vandenberghe');
    const audit = await admin.get(`/api/mobile-users/${res.body.id}/audit`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'mobile_user.created', actorName: 'Sofie Van Damme', entityLabel: 'Bart Vandenberghe' });
    expect(audit.body.items[0].changes).toContainEqual({ field: 'email', before: null, after: 'bart.vandenberghe@acme.example' });
  });

  it('trims names and lower-cases the e-mail, so the same address cannot be added twice', async () => {
    const res = await admin.post('/api/mobile-users', newUser({ firstName: '  Anke ', email: ' Anke.Peeters@ACME.example ' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstName: 'Anke', email: 'anke.peeters@acme.example' });
    const dup = await admin.post('/api/mobile-users', newUser({ email: 'anke.peeters@acme.example' }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('MOBILE_USER.EMAIL_TAKEN');
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'email', rule: 'taken' })]);
  });

  it('names each wrong field in the administrator language and saves nothing', async () => {
    await admin.put('/api/auth/me/language', { language: 'fr' });
    const before = (await admin.get('/api/mobile-users')).body.total;
    const res = await admin.post('/api/mobile-users', { firstName: ' ', lastName: 'x'.repeat(101), email: 'not-an-email', language: 'de', department: 'y'.repeat(101) });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField).toEqual({
      firstName: 'Le champ « Prénom » est obligatoire.',
      lastName: 'Le champ « Nom » ne peut pas dépasser 100 caractères.',
      email: "Le champ « E-mail » n'est pas une adresse e-mail valide.",
      language: 'Le champ « Langue préférée » contient une valeur non autorisée.',
      department: 'Le champ « Département » ne peut pas dépasser 100 caractères.',
    });
    expect((await admin.get('/api/mobile-users')).body.total).toBe(before);
    await admin.put('/api/auth/me/language', { language: 'en' });
  });

  it('refuses characters a database cannot store with a 400 naming the field, not a 500', async () => {
    const nul = await admin.post('/api/mobile-users', newUser({ email: 'nul@acme.example', department: 'Sales\u0000' }));
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'department', rule: 'invalid_character' })]);
    const surrogate = await admin.post('/api/mobile-users', newUser({ email: 'half@acme.example', firstName: 'An\ud800' }));
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors[0]).toMatchObject({ field: 'firstName', rule: 'invalid_character' });
    expect((await admin.get('/api/mobile-users?q=%00')).status).toBe(400);
    expect((await admin.get('/api/audit?entityType=%00')).status).toBe(400);
    expect((await portal.anonymous().post('/api/auth/login', { email: 'a\u0000@b.be', password: 'x' })).status).toBe(400);
    // names from any script are fine
    const world = await admin.post('/api/mobile-users', newUser({ email: 'zoe@acme.example', firstName: 'Zoë 🌍', lastName: 'Ōtsuka-Ñúñez' }));
    expect(world.status).toBe(201);
  });

  it('refuses unknown fields rather than silently dropping them', async () => {
    const res = await admin.post('/api/mobile-users', { ...newUser({ email: 'extra@acme.example' }), companyId: '00000000-0000-0000-0000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'companyId', rule: 'unknown_field' });
  });

  it('edits a user, keeps before and after in the audit log, and can clear optional fields', async () => {
    const created = (await admin.post('/api/mobile-users', newUser({ email: 'edit.me@acme.example' }))).body;
    const res = await admin.patch(`/api/mobile-users/${created.id}`, { firstName: 'Bert', department: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstName: 'Bert', department: null, costCentre: 'CC-LOG' });
    const audit = await admin.get(`/api/audit?entityType=mobile_user&action=mobile_user.updated`);
    const line = audit.body.items.find((e: { entityId: string }) => e.entityId === created.id);
    expect(line.changes).toEqual([
      { field: 'firstName', before: 'Bart', after: 'Bert' },
      { field: 'department', before: 'Logistics', after: null },
    ]);
    // a save that changes nothing writes no audit line
    await admin.patch(`/api/mobile-users/${created.id}`, { firstName: 'Bert' });
    const lines = (await admin.get(`/api/mobile-users/${created.id}/audit`)).body.items;
    expect(lines.map((l: { action: string }) => l.action)).toEqual(['mobile_user.updated', 'mobile_user.created']);
  });

  it("refuses an office of another company and an e-mail taken by a colleague, changing nothing", async () => {
    const brightwave = await portal.signIn('admin@brightwave.example');
    const foreignOffice = (await brightwave.get('/api/company')).body.offices[0].id;
    const target = (await admin.get('/api/mobile-users?q=janssens')).body.items[0];
    const office = await admin.patch(`/api/mobile-users/${target.id}`, { officeId: foreignOffice, firstName: 'Changed' });
    expect(office.status).toBe(422);
    expect(office.body.errors[0]).toMatchObject({ field: 'officeId', rule: 'not_found' });
    const taken = await admin.patch(`/api/mobile-users/${target.id}`, { email: 'hugo.martin@acme.example' });
    expect(taken.status).toBe(409);
    const after = (await admin.get(`/api/mobile-users/${target.id}`)).body;
    expect(after).toMatchObject({ firstName: target.firstName, email: target.email, officeId: target.officeId });
  });

  it('answers a malformed id, an unknown id and bad paging with 4xx, never 500', async () => {
    expect((await admin.get('/api/mobile-users/not-a-uuid')).status).toBe(400);
    expect((await admin.get('/api/mobile-users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/mobile-users?page=0')).status).toBe(400);
    expect((await admin.get('/api/mobile-users?pageSize=1000')).status).toBe(400);
    expect((await admin.get('/api/mobile-users?sort=password')).status).toBe(400);
    const bad = await admin.request('POST', '/api/mobile-users', '{not json', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
  });

  it('shows the company contract and offices to its administrator', async () => {
    const res = await admin.get('/api/company');
    expect(res.body.contract).toMatchObject({ reference: 'DST-2025-0142', contractedServices: 40, startsOn: '2025-03-01' });
    expect(res.body.contract.productTypes.map((p: { code: string }) => p.code)).toEqual(['mobile', 'smartmobile']);
    expect(res.body.offices.length).toBe(3);
  });

  it("offers only the contract's product types in the catalog", async () => {
    const res = await admin.get('/api/catalog');
    expect(res.body.productTypes.map((p: { code: string }) => p.code)).toEqual(['mobile', 'smartmobile']);
    const mobile = res.body.productTypes[0];
    expect(mobile.serviceTypes.map((s: { name: string }) => s.name)).toEqual(['Mobile', 'Mobile Internet']);
    expect(mobile.serviceTypes[0].bundles[0].options.map((o: { code: string }) => o.code)).toContain('intl-100');
  });
});
