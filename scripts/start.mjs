// `npm start`: brings both builds up to date (each only when its sources changed), then runs the
// compiled server in this same process — one Node start, no TypeScript compiled at run time.
import { pathToFileURL } from 'node:url';
import './ensure-web-build.mjs';
import { ensureServerBuild, serverBundle } from './build-server.mjs';

await ensureServerBuild();
await import(pathToFileURL(serverBundle).href);
