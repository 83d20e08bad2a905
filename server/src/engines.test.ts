import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// The README promises that the portal runs on the Node it names. npm only warns (EBADENGINE) when a
// package wants a newer one, and such a package may then fail at run time: every package the lock
// file installs must accept the oldest Node that package.json allows.
const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('the Node version the portal promises', () => {
  const range: string = readJson('package.json').engines.node;
  const oldest = semver.minVersion(range)!.version;

  it('is the one the README names', () => {
    const [major, minor] = oldest.split('.');
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`Node.js ${major} (${major}.${minor} or later)`);
  });

  it('is accepted by every installed package', () => {
    const packages: Record<string, { engines?: { node?: string } }> = readJson('package-lock.json').packages;
    const refusing = Object.entries(packages)
      .filter(([, p]) => p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([name, p]) => `${name.replace(/^node_modules\//, '')} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
