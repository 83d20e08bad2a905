import { ConfigError, loadConfig } from './config/config.js';
import { hasOperatorStaff } from './modules/companies/use-cases/operator-staff.js';
import { demoSignInText, startPortal } from './portal.js';

// Process entry: configuration, start, and a clean stop on SIGINT/SIGTERM. Nothing else.
const main = async () => {
  const started = Date.now();
  const config = loadConfig();
  const where = config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host})` : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  console.log(`Starting Fleetdesk on ${where}…`);
  const portal = await startPortal(config);
  if (portal.seeded) console.log('First run: demo data seeded.');
  if (portal.seeded && config.env === 'production') console.warn('SEED_DEMO=true in production: the demo accounts sign in with the public demo password.');
  const shown = portal.url.replace('://127.0.0.1', '://localhost');
  // the demo's sign-ins only where the demo is on; elsewhere, how to make the first account
  console.log(config.seedDemo ? demoSignInText(shown) : `Fleetdesk is running at ${shown}\nAPI documentation: ${shown}/api/docs`);
  if (!(await hasOperatorStaff(portal.database.db))) {
    console.log('No operator staff account yet. Create the first one with:\n  npm run create-operator -- --email <address> --name "<full name>"');
  }
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await portal.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error('Fleetdesk could not start:', err);
  process.exit(1);
});
