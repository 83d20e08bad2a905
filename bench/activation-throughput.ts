// How many services per second go from "start" to "active" with the network simulator at zero delay,
// starting 1,000 at once, on PGlite and on PostgreSQL (the real job runner, the real use cases).
// Usage: npx tsx bench/activation-throughput.ts [count]   (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../server/src/config/config.js';
import { openDatabase, type Database } from '../server/src/platform/db.js';
import { startPortal } from '../server/src/portal.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { addService } from '../server/src/modules/services/use-cases/add-service.js';
import { startServices } from '../server/src/modules/services/use-cases/start-activation.js';
import { demoIccid } from '../server/src/db/seed/demo.js';

const COUNT = Number(process.argv[2] ?? 1000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const run = async (kind: 'pglite' | 'postgres') => {
  let database: Database;
  let drop = async () => {};
  if (kind === 'pglite') database = await openDatabase({ kind: 'pglite', dataDir: null });
  else {
    const name = `fd_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0' });
  const portal = await startPortal(config, { database, listen: false });
  const sql = (text: string, values: unknown[] = []) => database.sql.executeSql(text, values);
  const [{ id: companyId }] = (await sql(`select id from companies where name = 'Acme Logistics'`)).rows as [{ id: string }];
  const [{ id: accountId }] = (await sql(`select id from accounts where email = 'admin@acme.example'`)).rows as [{ id: string }];
  // stock for COUNT new lines: users, free numbers and eSIM profiles
  await sql(
    `insert into mobile_users (company_id, first_name, last_name, email, language)
     select $1, 'Bench', 'User ' || g, 'bench.' || g || '@acme.example', 'en' from generate_series(1, $2::int) g`,
    [companyId, COUNT],
  );
  await sql(`insert into mobile_numbers (msisdn) select '+32471' || lpad(g::text, 6, '0') from generate_series(1, $1::int) g`, [COUNT]);
  const iccids = Array.from({ length: COUNT }, (_, i) => demoIccid('19', i + 1));
  await sql(
    `insert into sim_cards (company_id, kind, iccid, smdp_address, matching_id)
     select $1, 'esim', i, 'smdp.simulator.fleetdesk.example', 'BENCH-' || i from unnest($2::text[]) i`,
    [companyId, iccids],
  );
  const users = (await sql(`select id from mobile_users where email like 'bench.%' order by email`)).rows as { id: string }[];
  const numbers = (await sql(`select msisdn from mobile_numbers where msisdn like '+32471%' order by msisdn`)).rows as { msisdn: string }[];
  const scope = scopeOfCompany({ id: companyId });
  const actor = { accountId, name: 'bench' };
  const { deps } = portal;
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    ids.push(
      await addService(deps, scope, actor, users[i]!.id, {
        productTypeCode: 'mobile',
        serviceTypeCode: 'mobile.voice',
        bundleCode: 'mobile-s',
        optionCodes: [],
        number: { kind: 'new', msisdn: numbers[i]!.msisdn },
        sim: { kind: 'esim' },
        activation: { method: 'automatic', timing: 'later' },
      }),
    );
  }

  // "start 1,000 at once": the Services-waiting-for-activation action, 200 per request as the API allows
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 200) await startServices(deps, scope, actor, ids.slice(i, i + 200));
  let active = 0;
  const deadline = Date.now() + 30 * 60_000;
  while (active < COUNT && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    active = ((await sql(`select count(*)::int as n from services where status = 'active' and id = any($1::uuid[])`, [ids])).rows[0] as { n: number }).n;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${kind.padEnd(9)} ${active}/${COUNT} active in ${seconds.toFixed(1)} s → ${(active / seconds).toFixed(1)} services/s`);
  await portal.close();
  await drop();
};

await run('pglite');
await run('postgres');
