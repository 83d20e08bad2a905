// Runs a TM Forum conformance kit (TMF638 R18.5 or TMF622 v4) against a running demo portal.
// The kits are TM Forum's and are not shipped here: clone them outside this folder and install newman there:
//   git clone https://github.com/tmforum-rand/CTK-TMF638-ServiceInventory /tmp/ctk/tmf638
//   git clone https://github.com/tmforum-rand/CTK-TMF622-ProductOrdering /tmp/ctk/tmf622
//   (cd /tmp/ctk && npm init -y && npm install newman@6.2.1)
// Usage: node scripts/tmf-ctk.mjs 638|622 <kit folder> [portal url, default http://127.0.0.1:3900]
// Signs in as owner@acme.example, creates an API client with every scope, gets a bearer token, runs the
// kit's collection with it and prints newman's summary.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [kit, dir, base = 'http://127.0.0.1:3900'] = process.argv.slice(2);
if (!['638', '622'].includes(kit) || !dir) throw new Error('usage: node scripts/tmf-ctk.mjs 638|622 <kit folder> [portal url]');
const newman = createRequire(path.resolve(dir, '..', 'package.json'))('newman');
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@acme.example', password: 'fleetdesk-demo' }) });
const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
const csrf = cookies.find((c) => c.startsWith('fd_csrf='))?.split('=')[1] ?? '';
const client = await (
  await fetch(`${base}/api/company/api-clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: `CTK TMF${kit}`, scopes: ['orders:read', 'orders:write', 'services:read', 'events:manage'] }),
  })
).json();
const token = await (
  await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  })
).json();
if (!token.access_token) throw new Error(`no token: ${JSON.stringify(token)}`);
const ctk = path.join(dir, 'ctk');
const json = (pattern) => JSON.parse(readFileSync(path.join(ctk, readdirSync(ctk).find((f) => pattern.test(f))), 'utf8'));
const collection = json(kit === '638' ? /postman_collection\.json$/ : /testkit\.json$/);
const environment = json(/postman_environment\.json$/);
// TMF622's kit posts the minimal order of its config.json, as its own index.js does
if (kit === '622') collection.item[0].item[0].request.body.raw = JSON.stringify(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).payloads.ProductOrder.POST.payload);
collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: token.access_token, type: 'string' }] };
const envVar = kit === '638' ? [{ key: 'ServiceInventoryAPI', value: `${base}/tmf-api/serviceInventory/v4` }] : [{ key: 'Product_Ordering', value: `${base}/tmf-api/productOrderingManagement/v4/` }];
newman.run({ collection, environment, envVar, reporters: ['cli'] }, (err, summary) => {
  if (err) throw err;
  const a = summary.run.stats.assertions;
  console.log(`TMF${kit}: ${a.total - a.failed} of ${a.total} assertions passed`);
  process.exitCode = a.failed ? 1 : 0;
});
