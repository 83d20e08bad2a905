// Shared by the activation benchmarks: a fresh database (embedded or a new PostgreSQL database), the
// portal on it with the demo seed, and `count` services of Acme saved with automatic eSIM activation,
// ready to be started at once.
import { loadConfig } from '../server/src/config/config.js';
import { demoIccid } from '../server/src/db/seed/demo.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { startPortal } from '../server/src/portal.js';
import { addService } from '../server/src/modules/services/use-cases/add-service.js';
import { startServices } from '../server/src/modules/services/use-cases/start-activation.js';
import { openBenchDatabase } from './service-overview.js';

export type DbKind = 'pglite' | 'postgres';

/** The portal (job runner included) on a fresh database, with `count` services waiting to be started. */
export const benchActivations = async (kind: DbKind, count: number, env: Record<string, string> = {}) => {
  const { database, drop } = await openBenchDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0', ...env });
  const portal = await startPortal(config, { database, listen: false });
  const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
  const [{ id: companyId }] = (await sql<{ id: string }>(`select id from companies where name = 'Acme Logistics'`)) as [{ id: string }];
  const [{ id: accountId }] = (await sql<{ id: string }>(`select id from accounts where email = 'admin@acme.example'`)) as [{ id: string }];
  // stock for `count` new lines: users, free numbers and eSIM profiles
  await sql(
    `insert into mobile_users (company_id, first_name, last_name, email, language)
     select $1, 'Bench', 'User ' || g, 'bench.' || g || '@acme.example', 'en' from generate_series(1, $2::int) g`,
    [companyId, count],
  );
  await sql(`insert into mobile_numbers (msisdn) select '+32471' || lpad(g::text, 6, '0') from generate_series(1, $1::int) g`, [count]);
  const iccids = Array.from({ length: count }, (_, i) => demoIccid('19', i + 1));
  await sql(
    `insert into sim_cards (company_id, kind, iccid, smdp_address, matching_id)
     select $1, 'esim', i, 'smdp.simulator.fleetdesk.example', 'BENCH-' || i from unnest($2::text[]) i`,
    [companyId, iccids],
  );
  const users = await sql<{ id: string }>(`select id from mobile_users where email like 'bench.%' order by email`);
  const numbers = await sql<{ msisdn: string }>(`select msisdn from mobile_numbers where msisdn like '+32471%' order by msisdn`);
  const scope = scopeOfCompany({ id: companyId });
  const actor = { accountId, name: 'bench' };
  const { deps } = portal;
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
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
  return {
    ids,
    sql,
    deps,
    database,
    /** "Start 1,000 at once": the Services-waiting-for-activation action, 200 per request as the API allows. */
    startAll: async () => {
      for (let i = 0; i < ids.length; i += 200) await startServices(deps, scope, actor, ids.slice(i, i + 200));
    },
    close: async () => {
      await portal.close();
      await drop();
    },
  };
};
