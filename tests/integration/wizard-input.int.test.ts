import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { luhnCheckDigit } from '../../server/src/modules/stock/domain/iccid.js';

// Property tests of every wizard field through the API: whatever is typed, a wrong value gets a
// 4xx that names the field in the administrator's language (Dutch here), never a 500, and nothing is saved.
describe(`wizard input rules (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let admin: Client;
  let userId: string;
  let freeNumber: string;
  let brightFixedIds: string[];
  const RUNS = { numRuns: 25 };

  beforeAll(async () => {
    portal = await createTestPortal();
    admin = await portal.signIn('admin@acme.example');
    await admin.put('/api/auth/me/language', { language: 'nl' });
    userId = (await admin.get('/api/mobile-users')).body.items[0].id;
    freeNumber = (await admin.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const bright = await portal.signIn('admin@brightwave.example');
    const fixed = (await bright.get('/api/wizard/fixed-numbers')).body;
    brightFixedIds = [...fixed.available, ...fixed.active].map((f: { id: string }) => f.id);
  });
  afterAll(async () => portal?.close());

  const mobile = { productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: [] as string[] };
  const converged = { productTypeCode: 'smartmobile', serviceTypeCode: 'smartmobile.converged', bundleCode: 'smart-pro', optionCodes: [] as string[] };

  /** Sends the draft, expects a refusal on `field` with a Dutch message naming `label`. */
  const refused = async (step: number, input: Record<string, unknown>, field: string, label: string) => {
    const res = await admin.post(`/api/mobile-users/${userId}/services/check?step=${step}`, input);
    expect([400, 409, 422]).toContain(res.status);
    const error = res.body.errors.find((e: { field: string }) => e.field === field || e.field.startsWith(`${field}.`));
    expect(error, JSON.stringify(res.body.errors)).toBeDefined();
    expect(error.message).toContain(label);
  };

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const withLuhn = (body: string) => body + luhnCheckDigit(body);
  const badIccid = fc.oneof(
    digits(1, 17).map((d) => withLuhn(`89${d}`).slice(0, 18)), // too short
    digits(20, 25).map((d) => withLuhn(`89${d}`)), // too long
    digits(17, 18).filter((d) => !d.startsWith('89')).map((d) => withLuhn(`7${d.slice(1)}`)), // wrong prefix
    digits(16, 17).map((d) => {
      const good = withLuhn(`89${d}`);
      const last = Number(good.at(-1));
      return good.slice(0, -1) + String((last + 1 + (Number(d.at(0)) % 8)) % 10);
    }), // one check digit off
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[^\d\s-]/.test(s)), // not digits at all
  );

  it('ICCIDs: wrong length, wrong prefix, bad Luhn, not digits', async () => {
    await fc.assert(
      fc.asyncProperty(badIccid, async (iccid) => {
        await refused(6, { ...mobile, number: { kind: 'new', msisdn: freeNumber }, sim: { kind: 'admin_sim', iccid } }, 'sim.iccid', 'Simkaartnummer (ICCID)');
      }),
      RUNS,
    );
  });

  const fixedLine = fc.tuple(fc.constantFrom('2', '3', '9', '50', '67'), digits(6, 6)).map(([area, rest]) => `0${area}${rest}`.slice(0, 9));
  const foreign = fc.tuple(fc.constantFrom('+33 6', '+31 6', '+49 151', '+44 7700', '+352 621'), digits(6, 8)).map(([p, d]) => `${p}${d}`);
  const malformed = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !/^\+?\d{9,}$/.test(s)), digits(1, 5));
  const badMobile = fc.oneof(fixedLine, foreign, malformed);

  it('mobile numbers: a fixed number where a mobile one is expected, foreign or malformed — new or ported', async () => {
    await fc.assert(
      fc.asyncProperty(badMobile, fc.boolean(), async (msisdn, port) => {
        const number = port
          ? { kind: 'port_in', msisdn, donorOperator: 'proximus', accountType: 'postpaid', customerNumber: 'C-123456', holderName: 'Jan Peeters' }
          : { kind: 'new', msisdn };
        // the number to port is named as its field is labelled on the form, not as a new line's number
        await refused(5, { ...mobile, number }, 'number.msisdn', port ? 'Over te zetten nummer' : 'Mobiel nummer');
      }),
      RUNS,
    );
  });

  it('porting details: donor operator, customer number, SIM number and holder name', async () => {
    const port = (over: Record<string, unknown>) => ({ ...mobile, number: { kind: 'port_in', msisdn: '+32477998877', donorOperator: 'orange', accountType: 'postpaid', customerNumber: 'C-123456', holderName: 'Jan Peeters', ...over } });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 20 }).filter((s) => !['proximus', 'orange', 'base', 'digi', 'scarlet', 'mobile_vikings', 'voo', 'lycamobile', 'other'].includes(s.trim())).map((v) => ['donorOperator', v, 'Huidige operator'] as const),
          fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 31, maxLength: 40 }), fc.constant('a&b'), fc.constant('C\u0000123')).map((v) => ['customerNumber', v, 'Klantnummer'] as const),
          fc.oneof(fc.constant(''), fc.constant('   '), fc.constant('x'.repeat(121)), fc.constant('Jan\u0000')).map((v) => ['holderName', v, 'Naam van de houder'] as const),
        ),
        async ([field, value, label]) => {
          await refused(5, port({ [field]: value }), `number.${field}`, label);
        },
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(badIccid, async (donorSimNumber) => {
        await refused(5, port({ accountType: 'prepaid', customerNumber: undefined, donorSimNumber }), 'number.donorSimNumber', 'Simkaartnummer bij de huidige operator');
      }),
      RUNS,
    );
  });

  it('options not allowed for the bundle', async () => {
    const catalog = (await admin.get('/api/catalog')).body;
    // a data bundle: international minutes are real options, but not for it
    const dataType = catalog.productTypes.find((p: { code: string }) => p.code === 'mobile').serviceTypes.find((t: { code: string }) => t.code === 'mobile.internet');
    const bundle = dataType.bundles[0];
    const allowed: string[] = bundle.options.map((o: { code: string }) => o.code);
    const otherOptions = ['intl-100', 'intl-500', 'data-10', 'roaming-world'].filter((c) => !allowed.includes(c));
    const unknown = fc.stringMatching(/^[a-z-]{1,20}$/).filter((c) => !allowed.includes(c));
    const notAllowed = otherOptions.length ? fc.oneof(fc.constantFrom(...otherOptions), unknown) : unknown;
    expect(otherOptions).toContain('intl-100');
    await fc.assert(
      fc.asyncProperty(fc.subarray(allowed), notAllowed, async (ok, bad) => {
        await refused(3, { ...mobile, serviceTypeCode: 'mobile.internet', bundleCode: bundle.code, optionCodes: [...ok, bad] }, 'optionCodes', 'Opties');
      }),
      RUNS,
    );
  });

  it('a product type that is not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('fmc', 'mobile_data'), fc.string({ minLength: 1, maxLength: 64 }).filter((s) => !['mobile', 'smartmobile'].includes(s.trim()) && s.trim() !== '')), async (productTypeCode) => {
        await refused(1, { productTypeCode }, 'productTypeCode', 'Producttype');
      }),
      RUNS,
    );
  });

  it("a fixed number of another company, or one that does not exist", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...brightFixedIds), fc.uuid()), fc.constantFrom('available', 'take_over'), async (fixedNumberId, kind) => {
        await refused(7, { ...converged, number: { kind: 'new', msisdn: freeNumber }, sim: { kind: 'esim' }, fixedNumber: { kind, fixedNumberId } }, 'fixedNumber.fixedNumberId', 'Vast nummer');
      }),
      RUNS,
    );
  });

  it('a start date in the past or too far ahead', async () => {
    const day = 86_400_000;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -3650, max: -1 }), fc.integer({ min: 91, max: 3650 })), async (days) => {
        const scheduledStartAt = new Date(Date.now() + days * day).toISOString();
        await refused(8, { ...mobile, number: { kind: 'new', msisdn: freeNumber }, sim: { kind: 'esim' }, activation: { method: 'email', timing: 'later', scheduledStartAt } }, 'activation.scheduledStartAt', 'Startdatum en -uur');
      }),
      RUNS,
    );
  });

  it('saved nothing while refusing all of the above', async () => {
    const rows = (await portal.database.sql.executeSql(`select count(*)::int as n from services where created_by_account_id is not null`, [])).rows;
    expect(rows).toEqual([{ n: 0 }]);
  });
});
