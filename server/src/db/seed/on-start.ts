import { seedDonorRegister } from '../../modules/network/index.js';
import type { Database } from '../../platform/db.js';
import { seedDemo, seedOperatorBase } from './demo.js';

/**
 * What every start writes, under the start-up lock so that instances starting together take turns:
 * into an empty database the demo (when asked for) or else the operator's settings and catalog
 * alone, and each time the simulated network's donor register (the numbers at other operators a
 * port-in can take). Returns whether the demo was seeded.
 */
export const seedOnStart = (database: Database, opts: { demo: boolean }) =>
  database.withStartupLock(async () => {
    const demo = opts.demo && (await seedDemo(database.db));
    if (!demo) await seedOperatorBase(database.db);
    await seedDonorRegister(database.db);
    return demo;
  });
