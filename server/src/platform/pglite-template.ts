import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root.js';

// A new PGlite data folder costs about 4 s of initdb (and 1 GB of memory) plus the migrations. The
// first new folder is saved, migrated and empty, as a template; later new folders start from a copy
// of it in about a second. The template's name carries a hash of the migrations and of the PGlite
// version, so a new migration or a PGlite upgrade makes a new one instead of reusing a stale one.
const migrationsFolder = path.join(projectRoot, 'server', 'migrations');
const cacheFolder = path.join(projectRoot, '.cache');

const templateFile = () => {
  const hash = createHash('sha256');
  const files = fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  hash.update(fs.readFileSync(path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  return path.join(cacheFolder, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
};

/** A folder PGlite would initdb into: absent or empty. */
export const isNewDataFolder = (dataDir: string) => !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;

/** The saved template for the current migrations, if there is one. */
export const readTemplate = (): { file: string; blob: Blob | null } => {
  const file = templateFile();
  return { file, blob: fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : null };
};

/** Saves a freshly migrated, still empty database as the template (written aside, then renamed: readers never see half a file). */
export const saveTemplate = async (file: string, dump: () => Promise<Blob>) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, Buffer.from(await (await dump()).arrayBuffer()));
  fs.renameSync(partial, file);
};
