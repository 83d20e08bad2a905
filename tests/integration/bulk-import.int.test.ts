import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';
import { createJobRunner } from '../../server/src/jobs/job-runner.js';
import { moduleJobs } from '../../server/src/jobs/module-jobs.js';

const HEADER = 'first_name,last_name,email,product_type,service_type,bundle,number_choice,number,sim,iccid,activation_method,activation_start';

describe(`bulk import of mobile users and services (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let operator: Client;
  let acmeId: string;
  // the runner that takes over after a test stops the portal's own
  let successor: ReturnType<typeof createJobRunner> | null = null;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    operator = await portal.signIn('operator@dstny.example');
    acmeId = (await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`))[0]!.id;
  });
  afterAll(async () => {
    await successor?.stop();
    await portal?.close();
  });

  const upload = (client: Client, path: string, body: string | Buffer, type = 'text/csv', fileName = 'staff.csv') =>
    client.request('POST', `${path}?fileName=${encodeURIComponent(fileName)}`, body, { 'content-type': type });
  const check = (body: string | Buffer, client = acme) => upload(client, '/api/imports/check', body);
  const commit = (body: string | Buffer, client = acme, path = '/api/imports') => upload(client, path, body);
  const finished = async (id: string, client = acme, path = '/api/imports') =>
    waitUntil(`import ${id} finished`, async () => {
      const res = await client.get(`${path}/${id}`);
      return res.body.status === 'finished' ? res.body : null;
    });
  const inStockIccids = async (n: number) =>
    (await q<{ iccid: string }>(`select iccid from sim_cards where company_id = $1 and kind = 'physical' and status = 'in_stock' order by iccid limit $2`, [acmeId, n])).map((r) => r.iccid);
  const footprint = async () =>
    (await q<Record<string, number>>(`select (select count(*)::int from mobile_users) as users, (select count(*)::int from services) as services,
              (select count(*)::int from sim_cards where status <> 'in_stock') as sims, (select count(*)::int from mobile_numbers where status <> 'free') as numbers,
              (select count(*)::int from audit_events) as audit, (select count(*)::int from imports) as imports, (select count(*)::int from import_rows) as rows,
              (select count(*)::int from pgboss.job) as jobs`))[0]!;

  /** 3 good rows (user only, new number + eSIM, admin SIM) and 2 bad ones (bad e-mail, unknown bundle). */
  const fiveRows = async (tag: string) => {
    const [iccid] = await inStockIccids(1);
    return [
      HEADER,
      `Ann,Good${tag},ann.${tag}@acme.example,,,,,,,,,`,
      `Bob,Good${tag},bob.${tag}@acme.example,mobile,mobile.voice,mobile-m,new,,esim,,automatic,now`,
      `Cat,Good${tag},cat.${tag}@acme.example,mobile,mobile.voice,mobile-s,new,,admin_sim,${iccid},email,later`,
      `Dan,Bad${tag},not-an-email,,,,,,,,,`,
      `Eve,Bad${tag},eve.${tag}@acme.example,mobile,mobile.voice,no-such-bundle,new,,esim,,email,now`,
    ].join('\n');
  };

  it('dry run: every row judged by the wizard rules, problems named by line and column in the reader’s language, nothing written', async () => {
    const file = await fiveRows('dry');
    const before = await footprint();
    const res = await check(file);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ total: 5, createUser: 3, existingUser: 0, alreadyImported: 0, refused: 2 });
    const byLine = new Map(res.body.rows.map((r: { line: number }) => [r.line, r]));
    expect((byLine.get(3) as any).service).toMatchObject({ bundleCode: 'mobile-m', numberChoice: 'new', sim: 'esim', start: 'asap' });
    expect((byLine.get(3) as any).service.number).toMatch(/^\+324/);
    const bad = byLine.get(5) as any;
    expect(bad.issues).toEqual([expect.objectContaining({ line: 5, column: 'email', columnLabel: 'E-mail', rule: 'invalid_email', message: 'E-mail is not a valid e-mail address.' })]);
    const bundle = (byLine.get(6) as any).issues;
    expect(bundle).toEqual([expect.objectContaining({ column: 'bundle', columnLabel: 'Bundle', rule: 'not_for_service_type' })]);
    expect(await footprint()).toEqual(before);
    // in the reader's language (Brightwave's administrator reads French)
    const fr = await check(`${HEADER}\nEve,Bad,eve.bad@brightwave.example,mobile,mobile.voice,no-such-bundle,new,,esim,,email,now`, bright);
    expect(fr.body.rows[0].issues).toEqual([
      expect.objectContaining({ line: 2, column: 'bundle', columnLabel: 'Forfait', message: 'Forfait ne correspond pas au type de service choisi.' }),
    ]);
  });

  it('the dry run refuses what only a file can get wrong: the same SIM twice, more eSIMs than are left', async () => {
    const [iccid] = await inStockIccids(1);
    const esims = (await q<{ n: number }>(`select count(*)::int as n from sim_cards where company_id = $1 and kind = 'esim' and status = 'in_stock'`, [acmeId]))[0]!.n;
    const rows = [HEADER, `A,Twice,a.twice@acme.example,mobile,mobile.voice,mobile-s,new,,admin_sim,${iccid},email,now`, `B,Twice,b.twice@acme.example,mobile,mobile.voice,mobile-s,new,,admin_sim,${iccid},email,now`];
    for (let i = 0; i <= esims; i++) rows.push(`E${i},Esim,e${i}.esim@acme.example,mobile,mobile.voice,mobile-s,new,,esim,,automatic,now`);
    const res = await check(rows.join('\r\n'));
    const issues = res.body.rows.flatMap((r: { issues: unknown[] }) => r.issues);
    expect(issues).toContainEqual(expect.objectContaining({ line: 3, column: 'iccid', rule: 'duplicate_in_file' }));
    expect(issues).toContainEqual(expect.objectContaining({ line: 4 + esims, column: 'sim', rule: 'esim_none_left' }));
    expect(issues.filter((i: { rule: string }) => i.rule === 'esim_none_left')).toHaveLength(1);
  });

  it('clear errors for files that cannot be imported', async () => {
    const problem = async (body: string | Buffer) => {
      const res = await check(body);
      return { status: res.status, code: res.body.code, rules: res.body.issues?.map((i: { rule: string }) => i.rule) };
    };
    expect(await problem('')).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['csv_empty'] });
    expect(await problem('\uFEFF\r\n')).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['csv_empty'] });
    expect(await problem('first_name,surname,email\nA,B,c@d.be')).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['import_unknown_column', 'import_missing_column'] });
    expect(await problem('first_name\tlast_name\temail\nA\tB\tc@d.be')).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['import_delimiter'] });
    expect(await problem(Buffer.from('first_name,last_name,email\nFran\xe7oise,M\xfcller,f@d.be', 'latin1'))).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['import_encoding'] });
    expect(await problem(Buffer.from('\uFEFFfirst_name,last_name,email\n', 'utf16le'))).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['import_encoding_utf16'] });
    expect(await problem('first_name,last_name,email')).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['csv_no_rows'] });
    const many = ['first_name,last_name,email', ...Array.from({ length: 20_001 }, (_, i) => `A,B,u${i}@d.be`)].join('\n');
    expect(await problem(many)).toEqual({ status: 422, code: 'IMPORT.INVALID_FILE', rules: ['csv_too_many_rows'] });
    const huge = `first_name,last_name,email,department\n${'A,B,c@d.be,'.padEnd(1000, 'x')}\n`.repeat(10_600);
    expect(await problem(huge)).toEqual({ status: 413, code: 'IMPORT.FILE_TOO_LARGE', rules: ['import_too_large'] });
    // a Belgian Excel file: semicolons, UTF-8 with BOM, headers in Dutch, accents kept
    const belgian = await check(`\uFEFFVoornaam;Achternaam;E-mail;Taal\r\nFrançoise;Müller;francoise.muller@acme.example;nl\r\n`);
    expect(belgian.status).toBe(200);
    expect(belgian.body.rows).toEqual([expect.objectContaining({ name: 'Françoise Müller', action: 'create_user', issues: [] })]);
  });

  it('commit: a durable job adds the good rows, records the bad ones, and a re-upload creates nothing twice', async () => {
    const file = await fiveRows('commit');
    const started = await commit(file);
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ totalRows: 5, done: 3, failed: 2, skipped: 0, pending: 0, startedBy: expect.any(String) });
    const services = await q<{ status: string; sim_choice: string }>(
      `select s.status, s.sim_choice from services s join mobile_users u on u.id = s.mobile_user_id where u.last_name = 'Goodcommit' order by u.first_name`,
    );
    expect(services.map((s) => s.sim_choice)).toEqual(['esim', 'admin_sim']);
    expect(services[1]!.status).toBe('waiting_for_activation');
    await waitUntil('the eSIM line active', async () => (await q<{ status: string }>(`select s.status from services s join mobile_users u on u.id = s.mobile_user_id where u.email = 'bob.commit@acme.example'`))[0]?.status === 'active');

    const failed = await acme.get(`/api/imports/${started.body.id}/failed-rows.csv`);
    expect(failed.status).toBe(200);
    const lines = String(failed.body).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/not-an-email.*E-mail/);
    expect(lines[2]).toMatch(/no-such-bundle/);

    const before = await footprint();
    const again = await commit(file);
    const second = await finished(again.body.id);
    expect(second).toMatchObject({ done: 0, skipped: 3, failed: 2 });
    const after = await footprint();
    expect({ users: after.users, services: after.services, sims: after.sims, numbers: after.numbers }).toEqual({ users: before.users, services: before.services, sims: before.sims, numbers: before.numbers });
    // the dry run says so too
    const dry = await check(file);
    expect(dry.body.counts.alreadyImported).toBe(3);
  });

  it('a worker stopped mid-import: its successor finishes, every row done exactly once', async () => {
    const iccids = await inStockIccids(6);
    const rows = [HEADER, ...Array.from({ length: 400 }, (_, i) => (i < 6 ? `K${i},Kill,k${i}.kill@acme.example,mobile,mobile.voice,mobile-s,new,,admin_sim,${iccids[i]},email,later` : `K${i},Kill,k${i}.kill@acme.example,,,,,,,,,`))];
    const started = await commit(rows.join('\n'));
    await waitUntil('some rows done', async () => (await acme.get(`/api/imports/${started.body.id}`)).body.done > 0);
    await portal.jobs.stop();
    // stopped with rows still waiting: the successor has work to take over
    expect((await acme.get(`/api/imports/${started.body.id}`)).body.pending).toBeGreaterThan(0);
    successor = createJobRunner(portal.database, { error: () => undefined });
    await successor.start(moduleJobs({ ...portal.deps, jobs: successor.queue }, null));
    {
      const done = await finished(started.body.id);
      expect(done).toMatchObject({ totalRows: 400, done: 400, failed: 0 });
      const users = await q<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct email)::int as distinct from mobile_users where last_name = 'Kill'`);
      expect(users).toEqual([{ n: 400, distinct: 400 }]);
      const sims = await q<{ n: number }>(`select count(*)::int as n from services s join mobile_users u on u.id = s.mobile_user_id where u.last_name = 'Kill'`);
      expect(sims).toEqual([{ n: 6 }]);
      const audit = await q<{ n: number }>(`select count(*)::int as n from audit_events where action = 'mobile_user.created' and after->>'lastName' = 'Kill'`);
      expect(audit).toEqual([{ n: 400 }]);
    }
  });

  it('two imports racing for the same SIM cards: each card goes to one service', async () => {
    const iccids = await inStockIccids(4);
    const file = (tag: string) => [HEADER, ...iccids.map((iccid, i) => `R${i},Race${tag},r${i}.${tag}@acme.example,mobile,mobile.voice,mobile-s,new,,admin_sim,${iccid},email,later`)].join('\n');
    const [a, b] = await Promise.all([commit(file('a')), commit(file('b'))]);
    const [ra, rb] = await Promise.all([finished(a.body.id), finished(b.body.id)]);
    expect(ra.done + rb.done).toBe(4);
    expect(ra.failed + rb.failed).toBe(4);
    const used = await q<{ iccid: string; n: number }>(`select iccid, count(service_id)::int as n from sim_cards where iccid = any($1::text[]) group by iccid`, [iccids]);
    expect(used.every((u) => u.n === 1)).toBe(true);
    const failed = await q<{ errors: { rule: string }[] }>(`select errors from import_rows where import_id = any($1::uuid[]) and status = 'failed'`, [[a.body.id, b.body.id]]);
    expect(failed.every((f) => f.errors[0]!.rule === 'sim_in_use')).toBe(true);
  });

  it('operator staff import for any company; other companies see nothing of it', async () => {
    const path = `/api/companies/${acmeId}/imports`;
    const started = await commit(`${HEADER}\nOp,Staff,op.staff@acme.example,,,,,,,,,`, operator, path);
    expect(started.status).toBe(202);
    await finished(started.body.id, operator, path);
    expect((await acme.get(`/api/imports/${started.body.id}`)).status).toBe(200);
    expect((await bright.get(`/api/imports/${started.body.id}`)).status).toBe(404);
    expect((await bright.get(`/api/imports/${started.body.id}/failed-rows.csv`)).status).toBe(404);
    expect((await check(`${HEADER}\nA,B,a@b.be,,,,,,,,,`, operator)).status).toBe(403);
    expect((await upload(acme, `/api/companies/${acmeId}/imports/check`, `${HEADER}\nA,B,a@b.be,,,,,,,,,`)).status).toBe(403);
  });

  it('offers a template in the reader’s language that the import reads back', async () => {
    const res = await bright.get('/api/imports/template.csv');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('fleetdesk-modele-import');
    const text = String(res.body);
    expect(text.split(/\r?\n/)[0]).toContain('Prénom;Nom;E-mail');
    const dry = await check(text, bright);
    expect(dry.status).toBe(200);
    expect(dry.body.counts.total).toBe(6);
  });
});
