import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../server/src/modules/stock/domain/iccid.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

/** A valid ICCID no demo card uses (batch 9 is not seeded). */
const newIccid = (serial: number) => {
  const body = `89320999${String(serial).padStart(10, '0')}`;
  return body + luhnCheckDigit(body);
};
/** The same number with a wrong check digit. */
const mistyped = (iccid: string) => iccid.slice(0, -1) + ((Number(iccid.at(-1)) + 1) % 10);
const UNKNOWN_COMPANY = '00000000-0000-4000-8000-000000000000';

describe(`stock loaded by operator staff (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let operator: Client;
  let admin: Client;
  let acme: string;
  let bright: string;

  const csv = (client: Client, url: string, text: string) => client.request('POST', url, text, { 'content-type': 'text/csv' });
  const total = async (url: string) => (await operator.get(url)).body.total as number;

  beforeAll(async () => {
    portal = await createTestPortal();
    operator = await portal.signIn('operator@dstny.example');
    admin = await portal.signIn('admin@acme.example');
    const companies = (await operator.get('/api/companies')).body.items as { id: string; name: string }[];
    acme = companies.find((c) => c.name === 'Acme Logistics')!.id;
    bright = companies.find((c) => c.name === 'Brightwave Consulting')!.id;
  });
  afterAll(async () => portal?.close());

  describe('SIM cards and eSIM profiles', () => {
    it("lists a company's cards by ICCID, with holder and activation code, filtered and searched", async () => {
      const all = await operator.get(`/api/companies/${acme}/sim-cards?pageSize=200`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(51);
      const iccids = all.body.items.map((c: { iccid: string }) => c.iccid);
      expect(iccids).toEqual([...iccids].sort());
      const esims = await operator.get(`/api/companies/${acme}/sim-cards?kind=esim`);
      expect(esims.body.total).toBe(8);
      expect(esims.body.items[0]).toMatchObject({ kind: 'esim', status: 'in_stock', activationCode: expect.stringMatching(/^LPA:1\$smdp\.simulator\.fleetdesk\.example\$FD1-/) });
      const assigned = await operator.get(`/api/companies/${acme}/sim-cards?status=assigned&kind=physical`);
      expect(assigned.body.total).toBe(25);
      expect(assigned.body.items.every((c: { holderName: string | null; serviceId: string | null }) => c.holderName && c.serviceId)).toBe(true);
      const byHolder = await operator.get(`/api/companies/${acme}/sim-cards?q=janssens`);
      expect(byHolder.body.items.map((c: { holderName: string }) => c.holderName)).toEqual(['Lotte Janssens']);
      const typed = iccids[5].match(/.{1,4}/g).join(' ');
      expect((await operator.get(`/api/companies/${acme}/sim-cards?q=${encodeURIComponent(typed)}`)).body.items.map((c: { iccid: string }) => c.iccid)).toEqual([iccids[5]]);
      const page2 = await operator.get(`/api/companies/${acme}/sim-cards?pageSize=20&page=2`);
      expect(page2.body.items.map((c: { iccid: string }) => c.iccid)).toEqual(iccids.slice(20, 40));
      expect((await operator.get(`/api/companies/${acme}/sim-cards?kind=nano`)).status).toBe(400);
    });

    it('adds a physical card and an eSIM profile as typed, stored normalized, each with an audit line', async () => {
      const iccid = newIccid(1);
      const card = await operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'physical', iccid: iccid.match(/.{1,4}/g)!.join(' '), pin: '0000', puk: ' 12345678 ' });
      expect(card.status).toBe(201);
      // PIN and PUK are stored as typed (trimmed), and never come back in a list or an answer (issue 13)
      expect(card.body).toMatchObject({ kind: 'physical', iccid, status: 'in_stock', pinPukRecorded: true, smdpAddress: null, activationCode: null, holderName: null });
      expect(JSON.stringify(card.body)).not.toContain('12345678');
      const { rows: stored } = await portal.database.sql.executeSql(`select pin, puk from sim_cards where iccid = $1`, [iccid]);
      expect(stored).toEqual([{ pin: '0000', puk: '12345678' }]);
      const listed = await operator.get(`/api/companies/${acme}/sim-cards?q=${iccid}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ iccid, pinPukRecorded: true })]);
      expect(JSON.stringify(listed.body)).not.toContain('12345678');
      const esim = await operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'esim', iccid: newIccid(2), smdpAddress: 'SMDP.Example.com', matchingId: 'ABC-123' });
      expect(esim.status).toBe(201);
      expect(esim.body).toMatchObject({ smdpAddress: 'smdp.example.com', activationCode: 'LPA:1$smdp.example.com$ABC-123' });
      // the company's administrator sees who added what; PIN and PUK stay out of the trail
      const audit = await admin.get('/api/audit?entityType=sim_card');
      const line = audit.body.items.find((e: { entityId: string }) => e.entityId === card.body.id);
      expect(line).toMatchObject({ action: 'sim_card.created', actorName: expect.any(String) });
      expect(line.changes.map((c: { field: string }) => c.field).sort()).toEqual(['iccid', 'kind']);
    });

    it('names every wrong field of the form with its rule', async () => {
      const bad = await operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'esim', iccid: mistyped(newIccid(3)), pin: '12', smdpAddress: 'https://smdp' });
      expect(bad.status).toBe(400);
      const rules = Object.fromEntries(bad.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]));
      expect(rules).toEqual({ iccid: 'iccid_checksum', pin: 'pin_format', smdpAddress: 'host_name', matchingId: 'required' });
      const physical = await operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'physical', iccid: newIccid(4), matchingId: 'X1' });
      expect(physical.body.errors).toEqual([{ field: 'matchingId', rule: 'esim_only', message: 'Matching ID applies to eSIM profiles only: leave it empty for a physical SIM card.' }]);
    });

    it("refuses an ICCID already in stock, also another company's, with 409 on the field", async () => {
      const brightCard = (await operator.get(`/api/companies/${bright}/sim-cards?pageSize=1`)).body.items[0];
      const before = await total(`/api/companies/${acme}/sim-cards`);
      const dup = await operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'physical', iccid: brightCard.iccid });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'STOCK.DUPLICATE', errors: [{ field: 'iccid', rule: 'duplicate', message: 'SIM card number (ICCID) is already registered in the portal.' }] });
      expect(await total(`/api/companies/${acme}/sim-cards`)).toBe(before);
    });
  });

  describe('fixed numbers and the mobile number pool', () => {
    it("lists a company's fixed numbers with their holders, and adds one typed nationally", async () => {
      const list = await operator.get(`/api/companies/${acme}/fixed-numbers?status=available`);
      expect(list.body.total).toBe(10);
      const held = await operator.get(`/api/companies/${acme}/fixed-numbers?status=assigned`);
      expect(held.body.items.every((n: { holderName: string | null }) => n.holderName)).toBe(true);
      const added = await operator.post(`/api/companies/${acme}/fixed-numbers`, { number: '02 201 23 45' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ number: '+3222012345', status: 'available', holderName: null });
      expect((await operator.get(`/api/companies/${acme}/fixed-numbers?q=${encodeURIComponent('02 201 23')}`)).body.items.map((n: { number: string }) => n.number)).toEqual(['+3222012345']);
      const mobile = await operator.post(`/api/companies/${acme}/fixed-numbers`, { number: '0470 12 34 56' });
      expect(mobile.body.errors).toEqual([expect.objectContaining({ field: 'number', rule: 'phone_not_fixed' })]);
      const again = await operator.post(`/api/companies/${bright}/fixed-numbers`, { number: '+32 2 201 23 45' });
      expect(again.status).toBe(409);
    });

    it("lists the operator's pool with the company holding each number, and adds mobile numbers only", async () => {
      const free = await operator.get('/api/mobile-number-pool?status=free&pageSize=100');
      expect(free.body.total).toBe(60);
      expect(free.body.items.every((n: { companyName: string | null }) => n.companyName === null)).toBe(true);
      const assigned = await operator.get('/api/mobile-number-pool?q=acme');
      expect(assigned.body.total).toBe(25);
      expect(assigned.body.items[0]).toMatchObject({ status: 'assigned', companyName: 'Acme Logistics' });
      const added = await operator.post('/api/mobile-number-pool', { msisdn: '0032 470 99 88 77' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ msisdn: '+32470998877', status: 'free', companyName: null });
      expect((await operator.get('/api/mobile-number-pool?q=0470998877')).body.total).toBe(1);
      const fixed = await operator.post('/api/mobile-number-pool', { msisdn: '02 201 23 46' });
      expect(fixed.body.errors).toEqual([expect.objectContaining({ field: 'msisdn', rule: 'phone_not_mobile' })]);
      const foreign = await operator.post('/api/mobile-number-pool', { msisdn: '+33 6 12 34 56 78' });
      expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'msisdn', rule: 'phone_not_belgian' })]);
      expect((await operator.post('/api/mobile-number-pool', { msisdn: '+32470998877' })).body.code).toBe('STOCK.DUPLICATE');
      // the pool belongs to no company: its audit line has none either
      const { rows } = await portal.database.sql.executeSql(`select after from audit_events where company_id is null and action = 'mobile_number.created'`, []);
      expect(rows).toEqual([{ after: { msisdn: '+32470998877' } }]);
    });
  });

  describe('CSV import', () => {
    it('imports a whole SIM file in any column order, and records one audit line with the count', async () => {
      const before = await total(`/api/companies/${acme}/sim-cards`);
      const file = [
        ' iccid , KIND ,pin,puk,matching_id,smdp_address',
        `${newIccid(10)},physical,1234,12345678,,`,
        `"${newIccid(11).match(/.{1,4}/g)!.join(' ')}",physical,,,,`,
        `${newIccid(12)},esim,,,PROFILE-12,smdp.example.com`,
        '',
      ].join('\r\n');
      const res = await csv(operator, `/api/companies/${acme}/sim-cards/import`, file);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ imported: 3 });
      expect(await total(`/api/companies/${acme}/sim-cards`)).toBe(before + 3);
      const card = (await operator.get(`/api/companies/${acme}/sim-cards?q=${newIccid(12)}`)).body.items[0];
      expect(card).toMatchObject({ kind: 'esim', activationCode: 'LPA:1$smdp.example.com$PROFILE-12' });
      const audit = await admin.get('/api/audit?action=sim_cards.imported');
      expect(audit.body.items[0]).toMatchObject({ entityType: 'stock_import', changes: [{ field: 'imported', before: null, after: 3 }] });
    });

    it('imports fixed numbers and pool numbers saved by a Belgian spreadsheet (semicolons, byte-order mark)', async () => {
      const fixed = await csv(operator, `/api/companies/${bright}/fixed-numbers/import`, '\uFEFFnumber;\n02 202 00 01;\n+32 2 202 00 02;\n;\n');
      expect(fixed.body).toEqual({ imported: 2 });
      expect((await operator.get(`/api/companies/${bright}/fixed-numbers?q=${encodeURIComponent('02 202 00 0')}`)).body.total).toBe(2);
      const pool = await operator.request('POST', '/api/mobile-number-pool/import', 'msisdn\n0470 30 00 01\n0470 30 00 02\n0470 30 00 03\n', { 'content-type': 'text/csv; charset=utf-8' });
      expect(pool.body).toEqual({ imported: 3 });
      expect((await operator.get('/api/mobile-number-pool?q=04703000')).body.items.map((n: { msisdn: string }) => n.msisdn)).toEqual(['+32470300001', '+32470300002', '+32470300003']);
    });

    it('refuses a file with any bad row, imports none of it and lists each problem by line and column', async () => {
      const existing = (await operator.get(`/api/companies/${acme}/sim-cards?pageSize=1`)).body.items[0].iccid;
      const before = await total(`/api/companies/${acme}/sim-cards`);
      const bad = mistyped(newIccid(21));
      const file = [
        'kind,iccid,pin,puk,smdp_address,matching_id',
        `physical,${newIccid(20)},1234,12345678,,`, // 2: fine
        `physical,${bad},,,,`, // 3: check digit
        `physical,${newIccid(20)},,,,`, // 4: twice in the file
        `physical,${existing},,,,`, // 5: already in stock
        `esim,${newIccid(22)},,,smdp.example.com,`, // 6: no matching ID
        `physical,${newIccid(23)},12,,smdp.example.com,`, // 7: PIN, and an eSIM field on a physical card
        `esim,${newIccid(24)},,,smdp.example.com,OK-24`, // 8: fine
      ].join('\n');
      const res = await csv(operator, `/api/companies/${acme}/sim-cards/import`, file);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'STOCK.IMPORT_INVALID', status: 422, title: 'File not imported' });
      expect(res.body.rows.map((r: { line: number; field: string; rule: string }) => [r.line, r.field, r.rule])).toEqual([
        [3, 'iccid', 'iccid_checksum'],
        [4, 'iccid', 'duplicate'],
        [5, 'iccid', 'duplicate'],
        [6, 'matching_id', 'required'],
        [7, 'pin', 'pin_format'],
        [7, 'smdp_address', 'esim_only'],
      ]);
      const messages = res.body.rows.map((r: { message: string }) => r.message);
      expect(messages[1]).toBe('SIM card number (ICCID) also appears on line 2 of this file.');
      expect(messages[2]).toBe('SIM card number (ICCID) is already registered in the portal.');
      expect(messages[3]).toBe('Matching ID is required.');
      expect(await total(`/api/companies/${acme}/sim-cards`)).toBe(before);
      expect((await operator.get(`/api/companies/${acme}/sim-cards?q=${newIccid(20)}`)).body.total).toBe(0);

      // the same report in the operator's language
      await operator.put('/api/auth/me/language', { language: 'fr' });
      try {
        const fr = await csv(operator, `/api/companies/${acme}/sim-cards/import`, file);
        expect(fr.body.title).toBe('Fichier non importé');
        expect(fr.body.rows.map((r: { message: string }) => r.message)).toEqual([
          "Numéro de carte SIM (ICCID) n'est pas valide : vérifiez les chiffres (le dernier chiffre est un chiffre de contrôle).",
          'Numéro de carte SIM (ICCID) figure aussi à la ligne 2 de ce fichier.',
          'Numéro de carte SIM (ICCID) est déjà enregistré dans le portail.',
          'Le champ « Matching ID » est obligatoire.',
          'Code PIN doit compter de 4 à 8 chiffres.',
          "Adresse SM-DP+ ne s'applique qu'aux profils eSIM : laissez ce champ vide pour une carte SIM physique.",
        ]);
      } finally {
        await operator.put('/api/auth/me/language', { language: 'en' });
      }
    });

    it('refuses numbers of the wrong kind, numbers twice in a file and numbers already held', async () => {
      const before = await total(`/api/companies/${acme}/fixed-numbers`);
      const res = await csv(operator, `/api/companies/${acme}/fixed-numbers/import`, 'number\n02 203 00 01\n0470 12 34 56\n+33 1 42 68 53 00\n02 203 00 01\n02 201 23 45\nphone\n');
      expect(res.status).toBe(422);
      expect(res.body.rows.map((r: { line: number; rule: string }) => [r.line, r.rule])).toEqual([
        [3, 'phone_not_fixed'],
        [4, 'phone_not_belgian'],
        [5, 'duplicate'],
        [6, 'duplicate'],
        [7, 'phone_invalid'],
      ]);
      expect(await total(`/api/companies/${acme}/fixed-numbers`)).toBe(before);
    });

    it('refuses a file whose layout is wrong, naming the column', async () => {
      const unknown = await csv(operator, `/api/companies/${acme}/sim-cards/import`, `kind,iccid,colour\nphysical,${newIccid(30)},red\n`);
      expect(unknown.status).toBe(422);
      expect(unknown.body.rows).toEqual([
        { line: 1, field: 'colour', rule: 'csv_unknown_column', message: 'The column “colour” is not expected. Allowed columns: kind, iccid, pin, puk, smdp_address, matching_id.' },
      ]);
      const missing = await csv(operator, '/api/mobile-number-pool/import', 'number\n0470 30 00 09\n');
      expect(missing.body.rows.map((r: { rule: string; field: string }) => [r.rule, r.field])).toEqual([
        ['csv_unknown_column', 'number'],
        ['csv_missing_column', 'msisdn'],
      ]);
      const empty = await csv(operator, '/api/mobile-number-pool/import', '');
      expect(empty.body.rows[0]).toMatchObject({ line: 1, rule: 'csv_empty' });
      const tooMany = await csv(operator, '/api/mobile-number-pool/import', `msisdn\n${Array.from({ length: 5001 }, (_, i) => `+32471${String(i).padStart(6, '0')}`).join('\n')}\n`);
      expect(tooMany.body.rows).toEqual([expect.objectContaining({ line: 5002, rule: 'csv_too_many_rows' })]);
    });

    it('takes CSV only where a file is expected, up to 2 MB', async () => {
      expect((await operator.request('POST', `/api/companies/${acme}/sim-cards/import`, 'kind,iccid', { 'content-type': 'application/xml' })).status).toBe(415);
      const elsewhere = await admin.request('POST', '/api/mobile-users', 'firstName\nAn', { 'content-type': 'text/csv' });
      expect(elsewhere.status).toBe(415);
      const huge = await csv(operator, '/api/mobile-number-pool/import', `msisdn\n${'0470 30 00 01\n'.repeat(160_000)}`);
      expect(huge.status).toBe(413);
      expect((await csv(operator, `/api/companies/${acme}/sim-cards/import`, 'kind;iccid\r\nphysical;1\r\n')).headers['content-type']).toMatch(/problem\+json/);
    });

    it('lets the unique index settle two imports racing for the same card: one imports, the other is refused, never a 500', async () => {
      const before = await total(`/api/companies/${acme}/sim-cards`);
      const file = (n: number) => `kind,iccid\nphysical,${newIccid(40)}\nphysical,${newIccid(40 + n)}\n`;
      const results = await Promise.all([
        csv(operator, `/api/companies/${acme}/sim-cards/import`, file(1)),
        csv(operator, `/api/companies/${bright}/sim-cards/import`, file(2)),
        operator.post(`/api/companies/${acme}/sim-cards`, { kind: 'physical', iccid: newIccid(40) }),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
      expect(statuses.every((s) => [200, 201, 409, 422].includes(s))).toBe(true);
      const holders = [
        ...(await operator.get(`/api/companies/${acme}/sim-cards?q=${newIccid(40)}`)).body.items,
        ...(await operator.get(`/api/companies/${bright}/sim-cards?q=${newIccid(40)}`)).body.items,
      ];
      expect(holders).toHaveLength(1);
      expect(await total(`/api/companies/${acme}/sim-cards`)).toBeLessThanOrEqual(before + 2);
    });
  });

  describe('who may load stock', () => {
    const endpoints = (company: string): [string, string, unknown?][] => [
      ['GET', `/api/companies/${company}/sim-cards`],
      ['POST', `/api/companies/${company}/sim-cards`, { kind: 'physical', iccid: newIccid(50) }],
      ['POST', `/api/companies/${company}/sim-cards/import`, `kind,iccid\nphysical,${newIccid(51)}\n`],
      ['GET', `/api/companies/${company}/fixed-numbers`],
      ['POST', `/api/companies/${company}/fixed-numbers`, { number: '02 209 00 01' }],
      ['POST', `/api/companies/${company}/fixed-numbers/import`, 'number\n02 209 00 02\n'],
    ];
    const send = (client: Client, [method, url, body]: [string, string, unknown?]) =>
      typeof body === 'string' ? csv(client, url, body) : client.request(method as 'GET' | 'POST', url, body);

    it('refuses fleet administrators on every stock endpoint, even for their own company', async () => {
      const all: [string, string, unknown?][] = [
        ...endpoints(acme),
        ['GET', '/api/mobile-number-pool'],
        ['POST', '/api/mobile-number-pool', { msisdn: '0470 30 00 99' }],
        ['POST', '/api/mobile-number-pool/import', 'msisdn\n0470 30 00 98\n'],
      ];
      for (const endpoint of all) {
        const res = await send(admin, endpoint);
        expect(res.status, `${endpoint[0]} ${endpoint[1]}`).toBe(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
      }
      expect((await send(portal.anonymous(), ['GET', '/api/mobile-number-pool'])).status).toBe(401);
      expect((await operator.get('/api/mobile-number-pool?q=0470300099')).body.total).toBe(0);
    });

    it('answers 404 for a company that does not exist, writing nothing', async () => {
      for (const endpoint of endpoints(UNKNOWN_COMPANY)) {
        const res = await send(operator, endpoint);
        expect(res.status, `${endpoint[0]} ${endpoint[1]}`).toBe(404);
        expect(res.body.code).toBe('COMPANY.NOT_FOUND');
      }
      expect((await operator.get('/api/companies/not-a-uuid/sim-cards')).status).toBe(400);
    });
  });

  it('documents the endpoints, the CSV body and the per-row problem', async () => {
    const doc = (await portal.anonymous().get('/api/docs/json')).body;
    const importOp = doc.paths['/api/companies/{id}/sim-cards/import'].post;
    expect(Object.keys(importOp.requestBody.content)).toEqual(['text/csv']);
    expect(importOp.responses['422'].content['application/json'].schema.$ref).toBe('#/components/schemas/StockImportProblem');
    expect(Object.keys(doc.components.schemas.StockImportProblem.properties)).toContain('rows');
    expect(doc.paths['/api/mobile-number-pool'].get).toBeDefined();
  });
});
