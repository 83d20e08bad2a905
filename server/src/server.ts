import { ConfigError, loadConfig } from './config/config.js';
import { demoSignInText, startPortal } from './portal.js';

// Process entry: configuration, start, and a clean stop on SIGINT/SIGTERM. Nothing else.
const main = async () => {
  const started = Date.now();
  const config = loadConfig();
  const where = config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host})` : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  console.log(`Starting Fleetdesk on ${where}…`);
  const portal = await startPortal(config);
  if (portal.seeded) console.log('First run: demo data seeded.');
  const shown = portal.url.replace('://127.0.0.1', '://localhost');
  console.log(`${demoSignInText(shown)}\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

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
