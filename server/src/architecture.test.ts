import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname);
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const sources = walk(root).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const text = (file: string) => fs.readFileSync(file, 'utf8');

type Import = { from: string; typeOnly: boolean };
/** Every `import … from` and `export … from` of a file, and whether it brings in types only. */
const importsOf = (file: string): Import[] =>
  [...text(file).matchAll(/^(import|export)\s+(type\s+)?(\{[^}]*\}|\*(\s+as\s+\w+)?|\w+(\s*,\s*\{[^}]*\})?)\s+from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    from: m[6]!,
    typeOnly: Boolean(m[2]),
  }));
/** The import as a path below server/src ("modules/stock/index.js"), or the package name. */
const resolved = (file: string, from: string) => (from.startsWith('.') ? rel(path.resolve(path.dirname(file), from)) : from);
const moduleOf = (relPath: string) => /^modules\/([^/]+)\//.exec(relPath)?.[1] ?? null;

const moduleFiles = sources.filter((f) => rel(f).startsWith('modules/'));
const useCaseFiles = moduleFiles.filter((f) => rel(f).includes('/use-cases/'));
const routeFiles = moduleFiles.filter((f) => f.endsWith('.routes.ts'));

describe('layering', () => {
  // STYLE.md, principle 1: business rules stay free of HTTP, SQL and the clock of a framework.
  const domainFiles = moduleFiles.filter((f) => rel(f).includes('/domain/'));

  it('has modules, domain files, use cases and routes to check', () => {
    expect([domainFiles, useCaseFiles, routeFiles].map((l) => l.length > 0)).toEqual([true, true, true]);
  });

  it.each(domainFiles.map((f) => [rel(f), f]))('%s imports no HTTP or database code', (_name, file) => {
    const forbidden = importsOf(file)
      .map((i) => i.from)
      .filter((i) => /^(fastify|@fastify\/|drizzle-orm|pg$|@electric-sql|pg-boss)/.test(i) || /\/(http|db|platform\/db)(\/|\.js$)/.test(i) || /\.(routes|repository)\.js$/.test(i));
    expect(forbidden).toEqual([]);
  });

  it('writes every CSV through the one writer that neutralises formulas (platform/csv.ts)', () => {
    const writers = sources.filter((f) => importsOf(f).some((i) => i.from === 'csv-stringify'));
    expect(writers.map(rel)).toEqual(['platform/csv.ts']);
  });

  // STYLE.md, principle 5: SQL lives in repositories. Use cases and routes call them; they build no query.
  it.each([...useCaseFiles, ...routeFiles].map((f) => [rel(f), f]))('%s builds no query (no drizzle-orm, no tables)', (_name, file) => {
    const forbidden = importsOf(file).filter((i) => i.from.startsWith('drizzle-orm') || (!i.typeOnly && resolved(file, i.from) === 'db/schema.js'));
    expect(forbidden.map((i) => i.from)).toEqual([]);
  });

  it.each(moduleFiles.map((f) => [rel(f), f]))("%s reaches other modules only through their public surface", (_name, file) => {
    const own = moduleOf(rel(file));
    const foreign = importsOf(file)
      .map((i) => resolved(file, i.from))
      .filter((target) => moduleOf(target) && moduleOf(target) !== own)
      // index.ts is a module's surface; its pure rules (domain/) and its request/response schemas are shared as they are
      .filter((target) => !/^modules\/[^/]+\/(index\.js$|domain\/|[^/]+\.schemas\.js$)/.test(target));
    expect(foreign).toEqual([]);
  });

  it('keeps job-runner.ts generic: modules register their own queues', () => {
    const file = path.join(root, 'jobs', 'job-runner.ts');
    expect(importsOf(file).filter((i) => resolved(file, i.from).startsWith('modules/'))).toEqual([]);
  });
});

describe('one owner for each thing', () => {
  const writes = (file: string, tables: { ts: string; sql: string }[]) =>
    tables.flatMap((t) => {
      const body = text(file);
      const byBuilder = new RegExp(`\\.(update|insert|delete)\\(\\s*${t.ts}\\b`).test(body);
      const bySql = new RegExp(`\\b(update|insert\\s+into|delete\\s+from)\\s+"?${t.sql}\\b`, 'i').test(body);
      return byBuilder || bySql ? [t.sql] : [];
    });

  // The seed lays down the demo's first state, like a migration; everything else goes through stock's verbs.
  it.each(sources.filter((f) => !rel(f).startsWith('modules/stock/') && !rel(f).startsWith('db/')).map((f) => [rel(f), f]))(
    '%s writes no stock table (mobile_numbers, sim_cards, fixed_numbers)',
    (_name, file) => {
      const stock = [
        { ts: 'mobileNumbers', sql: 'mobile_numbers' },
        { ts: 'simCards', sql: 'sim_cards' },
        { ts: 'fixedNumbers', sql: 'fixed_numbers' },
      ];
      expect(writes(file, stock)).toEqual([]);
    },
  );

  it("writes a service row and its timeline only in the services repository, called only by the service writer", () => {
    const tables = [
      { ts: 'services', sql: 'services' },
      { ts: 'serviceEvents', sql: 'service_events' },
    ];
    const writers = sources.filter((f) => rel(f) !== 'db/seed/demo.ts' && writes(f, tables).length > 0).map(rel);
    expect(writers).toEqual(['modules/services/services.repository.ts']);
    const callers = sources
      .filter((f) => /\b(insertService|updateServiceRow|insertServiceEvent)\b/.test(text(f)))
      .map(rel)
      .sort();
    expect(callers).toEqual(['modules/services/services.repository.ts', 'modules/services/use-cases/apply-service-change.ts']);
  });

  it('makes company scopes only in the named places, never in a route', () => {
    const makers = sources
      .filter((f) => rel(f) !== 'platform/tenant.ts' && /\bscopeOf(Account|Company|Job|Row)\(/.test(text(f)))
      .map(rel)
      .sort();
    expect(makers).toEqual([
      'http/context.ts',
      'modules/activation/use-cases/activation-process.ts',
      'modules/activation/use-cases/employee-activation.ts',
      // an account's own audit lines (password reset, two-factor): the company of the account itself
      'modules/auth/use-cases/password-reset.ts',
      // a single sign-on coming back: the company whose provider it was started with (its pending row, found by the browser's cookie)
      'modules/auth/use-cases/sso.ts',
      'modules/auth/use-cases/two-factor.ts',
      'modules/bulk-actions/use-cases/run-bulk-action.ts',
      'modules/companies/use-cases/administrators.ts',
      'modules/companies/use-cases/manage-company.ts',
      'modules/imports/use-cases/run-import.ts',
      'modules/lines/use-cases/line-network.ts',
      'modules/public-api/use-cases/api-clients.ts',
      // the jobs of a product order and of its cancellation (scopeOfJob)
      'modules/public-api/use-cases/cancel-product-orders.ts',
      'modules/public-api/use-cases/product-orders.ts',
      // the webhook delivery job: from its payload, which only the in-transaction event writer makes
      'modules/public-api/use-cases/webhooks.ts',
      'modules/services/use-cases/start-activation.ts',
      'modules/usage/use-cases/usage-alerts.ts',
    ]);
    for (const file of routeFiles) {
      const tenant = importsOf(file).filter((i) => resolved(file, i.from) === 'platform/tenant.js' && !i.typeOnly);
      expect(tenant, rel(file)).toEqual([]);
    }
  });
});
