import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname);
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

// STYLE.md, principle 1: business rules stay free of HTTP, SQL and the clock of a framework.
describe('layering', () => {
  const domainFiles = walk(path.join(root, 'modules')).filter((f) => f.includes(`${path.sep}domain${path.sep}`) && !f.endsWith('.test.ts'));

  it('has domain modules to check', () => {
    expect(domainFiles.length).toBeGreaterThan(0);
  });

  it.each(domainFiles.map((f) => [path.relative(root, f), f]))('%s imports no HTTP or database code', (_name, file) => {
    const forbidden = importsOf(file).filter((i) => /^(fastify|@fastify\/|drizzle-orm|pg$|@electric-sql|pg-boss)/.test(i) || /\/(http|db|platform\/db)(\/|\.js$)/.test(i) || /\.(routes|repository)\.js$/.test(i));
    expect(forbidden).toEqual([]);
  });

  it('keeps SQL out of route files', () => {
    const routeFiles = walk(path.join(root, 'modules')).filter((f) => f.endsWith('.routes.ts'));
    for (const f of routeFiles) {
      const imports = importsOf(f);
      expect(imports.filter((i) => i.startsWith('drizzle-orm')), path.relative(root, f)).toEqual([]);
    }
  });
});
