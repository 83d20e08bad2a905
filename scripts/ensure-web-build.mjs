// `npm start` builds the browser app only when its sources are newer than the last build,
// so a restart does not pay for a Vite build it does not need.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = path.join('web', 'dist', 'index.html');
const sources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'web/postcss.config.cjs', 'locales', 'package-lock.json'];

const newest = (p) => {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
};

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  console.log('Building the web app…');
  execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
}
