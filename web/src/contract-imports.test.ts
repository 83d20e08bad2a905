import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The browser app gets the API's shapes from the server's schemas as types only. These checks keep
// it that way: a value import would put server code (and zod, drizzle…) into the browser bundle, and
// a second way in would let hand-written copies of the shapes come back.

const webSrc = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(webSrc, '../..');
const CONTRACT = path.join(webSrc, 'shared/api/contract.ts');
const SERVER_CONTRACT = path.join(repo, 'server/src/http/contract.ts');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

/** Every `import … from '…'` and `export … from '…'` of a file: the statement and where it resolves. */
const importsOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';/gms)].map((match) => ({
    statement: match[0],
    target: match[1]!.startsWith('.') ? path.resolve(path.dirname(file), match[1]!) : match[1]!,
  }));

describe('the browser app and the server', () => {
  test('only shared/api/contract.ts reaches into the server, and only for types', () => {
    const outside = sourceFiles(webSrc)
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'))
      .flatMap((file) => importsOf(file).map((i) => ({ file: path.relative(webSrc, file), ...i })))
      .filter((i) => path.isAbsolute(i.target) && !i.target.startsWith(webSrc));
    expect(outside.map((i) => i.file)).toEqual(['shared/api/contract.ts']);
    expect(outside[0]!.statement).toMatch(/^export type \* from '[./]+\/server\/src\/http\/contract';$/);
  });

  test('the server contract imports nothing but types', () => {
    const statements = importsOf(SERVER_CONTRACT).map((i) => i.statement);
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((s) => !/^import type \{/.test(s))).toEqual([]);
    // and exports nothing but types, which the web re-exports with `export type *`
    expect(fs.readFileSync(SERVER_CONTRACT, 'utf8')).not.toMatch(/^export (const|function|class|let|default)\b/m);
    expect(fs.existsSync(CONTRACT)).toBe(true);
  });
});
