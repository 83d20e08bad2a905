import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../../modules/auth/domain/password.js';
import type { Db, Tx } from '../../platform/db.js';
import {
  accounts,
  bundleAllowedOptions,
  bundleOptions,
  catalogPrices,
  bundles,
  companies,
  contracts,
  fixedNumbers,
  mobileNumbers,
  mobileUsers,
  offices,
  operatorSettings,
  productTypes,
  services,
  serviceTypes,
  simCards,
} from '../schema.js';
import { luhnCheckDigit } from '../../modules/stock/domain/iccid.js';
import { ALLOWED_OPTIONS, BUNDLES, OPTIONS, PRODUCT_TYPES, SERVICE_TYPES } from './catalog.js';

export const DEMO_PASSWORD = 'fleetdesk-demo';
export const DEMO_SIGN_INS = [
  { email: 'owner@acme.example', who: 'Owner, Acme Logistics (manages its accounts and API clients)' },
  { email: 'admin@acme.example', who: 'Fleet administrator, Acme Logistics' },
  { email: 'readonly@acme.example', who: 'Read-only, Acme Logistics' },
  { email: 'billing@acme.example', who: 'Billing, Acme Logistics' },
  { email: 'owner@brightwave.example', who: 'Owner, Brightwave Consulting' },
  { email: 'admin@brightwave.example', who: 'Fleet administrator, Brightwave Consulting' },
  { email: 'operator@dstny.example', who: 'Operator staff (back office)' },
];

type Lang = 'en' | 'fr' | 'nl';
type Person = [first: string, last: string, lang: Lang, department: string | null];

const ACME_PEOPLE: Person[] = [
  ['Lotte', 'Janssens', 'nl', 'Sales'], ['Pieter', 'Peeters', 'nl', 'Sales'], ['Julie', 'Maes', 'nl', 'Finance'],
  ['Thomas', 'Jacobs', 'nl', 'Operations'], ['Sarah', 'Mertens', 'nl', 'Operations'], ['Wout', 'Willems', 'nl', 'IT'],
  ['Emma', 'Claes', 'nl', 'HR'], ['Lucas', 'Goossens', 'nl', 'Logistics'], ['Marie', 'Wouters', 'nl', 'Logistics'],
  ['Arthur', 'De Smet', 'nl', 'Logistics'], ['Camille', 'Dubois', 'fr', 'Sales'], ['Louis', 'Lambert', 'fr', 'Finance'],
  ['Chloé', 'Dupont', 'fr', 'Operations'], ['Hugo', 'Martin', 'fr', 'IT'], ['Léa', 'Simon', 'fr', 'Logistics'],
  ['Nathan', 'Laurent', 'fr', 'Logistics'], ['Manon', 'Leclercq', 'fr', null], ['Noah', 'Hermans', 'nl', 'Logistics'],
  ['Olivia', 'Van den Bossche', 'nl', 'Sales'], ['Liam', 'Vermeulen', 'nl', 'IT'], ['Ella', 'Desmet', 'nl', 'Finance'],
  ['Jules', 'Michiels', 'nl', null], ['Mila', 'Aerts', 'nl', 'HR'], ['Victor', 'Coppens', 'nl', 'Operations'],
  ['Nora', 'Smets', 'nl', 'Logistics'], ['Daniel', 'Murphy', 'en', 'Management'], ['Grace', 'Kowalski', 'en', 'IT'],
  ['Ana', 'Ferreira', 'en', 'Logistics'], ['Tom', 'Bauwens', 'nl', 'Sales'], ['Elise', 'Verhoeven', 'nl', 'Operations'],
];
const BRIGHTWAVE_PEOPLE: Person[] = [
  ['Claire', 'Lejeune', 'fr', 'Consulting'], ['Antoine', 'Renard', 'fr', 'Consulting'], ['Sophie', 'Collard', 'fr', 'Consulting'],
  ['Maxime', 'Lemaire', 'fr', 'Delivery'], ['Laura', 'Gillet', 'fr', 'Delivery'], ['Julien', 'François', 'fr', 'Finance'],
  ['Inès', 'Hubert', 'fr', 'HR'], ['Arnaud', 'Denis', 'fr', 'Consulting'], ['Charlotte', 'Noël', 'fr', null],
  ['Bram', 'Dierickx', 'nl', 'Consulting'], ['Eva', 'Stevens', 'nl', 'Delivery'], ['James', 'Walsh', 'en', 'Management'],
];

/** A valid Belgian ICCID (8932…, 19 digits, Luhn) from a batch code and a serial. */
export const demoIccid = (batch: string, serial: number) => {
  const body = `893210${batch}${String(serial).padStart(18 - 6 - batch.length, '0')}`;
  return body + luhnCheckDigit(body);
};
// Free numbers in the operator's pool for new lines: +32 470 20 00 01 …
export const DEMO_FREE_NUMBERS = Array.from({ length: 60 }, (_, i) => `+324702${String(i + 1).padStart(5, '0')}`);
const matchingId = (companyNo: number, n: number) =>
  `FD${companyNo}-${(n * 7919 + companyNo * 104729).toString(36).toUpperCase().padStart(5, '0')}-${String(n).padStart(4, '0')}`;

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');

/** Whether nothing was seeded yet: the operator's settings are the first row any seed writes. */
const isEmpty = async (db: Db) => {
  const [row] = await db.select({ n: count() }).from(operatorSettings);
  return (row?.n ?? 0) === 0;
};

/**
 * The operator's own settings and catalog: every portal needs them and no screen creates them
 * (Back office › Catalog renames and prices what is there).
 */
const insertOperatorBase = async (tx: Tx) => {
  await tx.insert(operatorSettings).values({
    id: 1,
    name: 'Dstny',
    portalName: 'MyDstny',
    supportPhone: '+32 2 401 97 00 (option 1)',
    supportEmail: 'support@dstny.be',
    salesEmail: 'sales@dstny.be',
    financeEmail: 'finance@dstny.be',
    portalUrl: 'https://my.dstny.be',
  });
  await tx.insert(productTypes).values(PRODUCT_TYPES);
  await tx.insert(serviceTypes).values(SERVICE_TYPES);
  await tx.insert(bundles).values(BUNDLES);
  await tx.insert(bundleOptions).values(OPTIONS);
  await tx.insert(bundleAllowedOptions).values(ALLOWED_OPTIONS);
  await tx.insert(catalogPrices).values([
    ...BUNDLES.map((b) => ({ itemKind: 'bundle' as const, itemCode: b.code, monthlyPriceCents: b.monthlyPriceCents, effectiveFrom: '2025-01-01' })),
    ...OPTIONS.map((o) => ({ itemKind: 'option' as const, itemCode: o.code, monthlyPriceCents: o.monthlyPriceCents, effectiveFrom: '2025-01-01' })),
  ]);
};

/** The operator's settings and catalog alone (production), once, into an empty database. */
export const seedOperatorBase = async (db: Db): Promise<boolean> => {
  if (!(await isEmpty(db))) return false;
  await db.transaction(insertOperatorBase);
  return true;
};

/**
 * The operator's settings and catalog plus two demo companies and their accounts (public password),
 * once, into an empty database. Never in production unless SEED_DEMO=true says so.
 */
export const seedDemo = async (db: Db): Promise<boolean> => {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    await insertOperatorBase(tx);

    const [acme, bright] = await tx
      .insert(companies)
      .values([
        { name: 'Acme Logistics', vatNumber: 'BE0401.234.567' },
        { name: 'Brightwave Consulting', vatNumber: 'BE0765.432.109' },
      ])
      .returning();
    await tx.insert(contracts).values([
      { companyId: acme!.id, reference: 'DST-2025-0142', productTypes: ['mobile', 'smartmobile'], contractedServices: 40, startsOn: '2025-03-01', endsOn: '2028-02-29' },
      { companyId: bright!.id, reference: 'DST-2026-0031', productTypes: ['mobile', 'fmc', 'mobile_data'], contractedServices: 20, startsOn: '2026-01-01', endsOn: '2028-12-31' },
    ]);
    const acmeOffices = await tx
      .insert(offices)
      .values([
        { companyId: acme!.id, name: 'Antwerp HQ', street: 'Noorderlaan 100', postalCode: '2030', city: 'Antwerpen' },
        { companyId: acme!.id, name: 'Brussels', street: 'Rue de la Loi 42', postalCode: '1040', city: 'Bruxelles' },
        { companyId: acme!.id, name: 'Ghent warehouse', street: 'Skaldenstraat 7', postalCode: '9042', city: 'Gent' },
      ])
      .returning();
    const brightOffices = await tx
      .insert(offices)
      .values([
        { companyId: bright!.id, name: 'Liège', street: "Boulevard d'Avroy 10", postalCode: '4000', city: 'Liège' },
        { companyId: bright!.id, name: 'Namur', street: 'Rue de Fer 25', postalCode: '5000', city: 'Namur' },
      ])
      .returning();

    const seededAccounts = await tx
      .insert(accounts)
      .values([
        { email: 'admin@acme.example', passwordHash, fullName: 'Sofie Van Damme', role: 'admin', companyRole: 'administrator', companyId: acme!.id, language: 'en' },
        { email: 'admin@brightwave.example', passwordHash, fullName: 'Claire Dubois', role: 'admin', companyRole: 'administrator', companyId: bright!.id, language: 'fr' },
        { email: 'operator@dstny.example', passwordHash, fullName: 'Dstny Support Desk', role: 'operator', companyId: null, language: 'en' },
        // one account of each company role (modules/auth/domain/roles.ts)
        { email: 'owner@acme.example', passwordHash, fullName: 'Pieter Claes', role: 'admin', companyRole: 'owner', companyId: acme!.id, language: 'en' },
        { email: 'readonly@acme.example', passwordHash, fullName: 'Lotte Maes', role: 'admin', companyRole: 'read_only', companyId: acme!.id, language: 'nl' },
        { email: 'billing@acme.example', passwordHash, fullName: 'Marc Lemaire', role: 'admin', companyRole: 'billing', companyId: acme!.id, language: 'fr' },
        { email: 'owner@brightwave.example', passwordHash, fullName: 'Antoine Lambert', role: 'admin', companyRole: 'owner', companyId: bright!.id, language: 'fr' },
      ])
      .returning();
    // the operator's desk is the demo companies' account manager
    await tx.update(companies).set({ accountManagerId: seededAccounts[2]!.id });

    let line = 0;
    const seedCompany = async (companyId: string, domain: string, people: Person[], officeIds: string[], lineFor: (i: number) => { serviceTypeCode: string; bundleCode: string } | null) => {
      const users = await tx
        .insert(mobileUsers)
        .values(
          people.map(([firstName, lastName, language, department], i) => ({
            companyId,
            firstName,
            lastName,
            email: `${slug(firstName)}.${slug(lastName)}@${domain}`,
            language,
            department,
            costCentre: department ? `CC-${department.slice(0, 3).toUpperCase()}` : null,
            officeId: officeIds[i % officeIds.length]!,
          })),
        )
        .returning();
      const lines = users.flatMap((u, i) => {
        const l = lineFor(i);
        if (!l) return [];
        line += 1;
        return [{ companyId, mobileUserId: u.id, ...l, msisdn: `+324701${String(line).padStart(5, '0')}`, status: 'active' as const, numberSource: 'new' as const, simChoice: 'admin_sim' as const, activationMethod: 'automatic' as const, activationTiming: 'asap' as const, activatedAt: new Date(Date.UTC(2025, 3, 1 + (i % 28))) }];
      });
      if (!lines.length) return [];
      return tx.insert(services).values(lines).returning();
    };

    /**
     * What each company has in hand: the SIMs and numbers of its existing lines, plus unused
     * physical SIMs, free eSIM profiles and available fixed numbers for the Add Service wizard.
     */
    const seedStock = async (
      companyId: string,
      companyNo: number,
      lines: (typeof services.$inferSelect)[],
      spare: { physical: number; esim: number; fixed: number },
      fixedBase: number,
    ) => {
      const physical = (serial: number, serviceId: string | null) => ({
        companyId,
        kind: 'physical' as const,
        iccid: demoIccid(`${companyNo}1`, serial),
        pin: '1111',
        puk: String(10000000 + serial * 7919),
        status: serviceId ? ('assigned' as const) : ('in_stock' as const),
        serviceId,
      });
      const sims = [...lines.map((l, i) => physical(i + 1, l.id)), ...Array.from({ length: spare.physical }, (_, i) => physical(lines.length + i + 1, null))];
      const esims = Array.from({ length: spare.esim }, (_, i) => ({
        companyId,
        kind: 'esim' as const,
        iccid: demoIccid(`${companyNo}2`, i + 1),
        smdpAddress: 'smdp.simulator.fleetdesk.example',
        matchingId: matchingId(companyNo, i + 1),
      }));
      await tx.insert(simCards).values([...sims, ...esims]);
      await tx.insert(mobileNumbers).values(lines.map((l) => ({ msisdn: l.msisdn!, status: 'assigned' as const, companyId, serviceId: l.id })));
      const fixedHolders = lines.filter((l) => l.serviceTypeCode.endsWith('.converged'));
      let fixed = fixedBase;
      await tx.insert(fixedNumbers).values([
        ...fixedHolders.map((l) => ({ companyId, number: `+322${++fixed}`, status: 'assigned' as const, serviceId: l.id })),
        ...Array.from({ length: spare.fixed }, () => ({ companyId, number: `+322${++fixed}`, status: 'available' as const })),
      ]);
    };

    // Existing lines: most Acme staff already have a Mobile line, a few a SmartMobile converged SIM.
    const acmeLines = await seedCompany(acme!.id, 'acme.example', ACME_PEOPLE, acmeOffices.map((o) => o.id), (i) =>
      i % 5 === 4 ? null : i % 7 === 3 ? { serviceTypeCode: 'smartmobile.converged', bundleCode: 'smart-pro' } : { serviceTypeCode: 'mobile.voice', bundleCode: i % 3 === 0 ? 'mobile-l' : 'mobile-m' },
    );
    const brightLines = await seedCompany(bright!.id, 'brightwave.example', BRIGHTWAVE_PEOPLE, brightOffices.map((o) => o.id), (i) =>
      i % 3 === 2 ? null : { serviceTypeCode: i % 4 === 1 ? 'fmc.converged' : 'mobile.voice', bundleCode: i % 4 === 1 ? 'fmc-standard' : 'mobile-s' },
    );
    await seedStock(acme!.id, 1, acmeLines, { physical: 15, esim: 8, fixed: 10 }, 7104000);
    await seedStock(bright!.id, 2, brightLines, { physical: 8, esim: 5, fixed: 3 }, 4409000);

    // Acme's SmartMobile history, which the public API's service inventory tells (serviceRelationship,
    // supportingService): each converged SIM took its number over from the person's earlier Mobile line
    // by a port within the organisation, which ended that line and retired its SIM; and Sarah Mertens,
    // who took over Thomas Jacobs's Operations desk, got a converged SIM with his active fixed number
    // (Add Service, step 7), suspended while she is on leave.
    const converged = acmeLines.filter((l) => l.serviceTypeCode === 'smartmobile.converged');
    const movedOn = [Date.UTC(2025, 4, 5), Date.UTC(2025, 4, 12), Date.UTC(2025, 5, 20)];
    const earlier = await tx
      .insert(services)
      .values(
        converged.map((l, k) => ({
          companyId: acme!.id,
          mobileUserId: l.mobileUserId,
          serviceTypeCode: 'mobile.voice',
          bundleCode: 'mobile-m',
          msisdn: l.msisdn,
          status: 'terminated' as const,
          numberSource: 'new' as const,
          simChoice: 'admin_sim' as const,
          activationMethod: 'automatic' as const,
          activationTiming: 'asap' as const,
          activatedAt: new Date(Date.UTC(2025, 2, 3 + k)),
          endedAt: new Date(movedOn[k % movedOn.length]!),
          endReason: 'number_moved' as const,
        })),
      )
      .returning();
    for (const [k, l] of converged.entries()) {
      await tx
        .update(services)
        .set({ numberSource: 'port_internal', portFromServiceId: earlier[k]!.id, activatedAt: new Date(movedOn[k % movedOn.length]!) })
        .where(eq(services.id, l.id));
    }
    await tx.insert(simCards).values(
      earlier.map((e, k) => ({ companyId: acme!.id, kind: 'physical' as const, iccid: demoIccid('13', k + 1), pin: '1111', puk: String(20000000 + k), status: 'retired' as const, serviceId: e.id })),
    );
    const [sarah] = await tx.select({ id: mobileUsers.id }).from(mobileUsers).where(eq(mobileUsers.email, 'sarah.mertens@acme.example'));
    const desk = converged[0];
    if (sarah && desk) {
      line += 1;
      const msisdn = `+324701${String(line).padStart(5, '0')}`;
      const [onLeave] = await tx
        .insert(services)
        .values({
          companyId: acme!.id,
          mobileUserId: sarah.id,
          serviceTypeCode: 'smartmobile.converged',
          bundleCode: 'smart-essential',
          msisdn,
          status: 'suspended',
          numberSource: 'new',
          simChoice: 'admin_sim',
          fixedNumberTakenFromServiceId: desk.id,
          activationMethod: 'automatic',
          activationTiming: 'asap',
          activatedAt: new Date(Date.UTC(2025, 5, 2)),
        })
        .returning();
      await tx.update(fixedNumbers).set({ serviceId: onLeave!.id }).where(eq(fixedNumbers.serviceId, desk.id));
      await tx.insert(simCards).values({ companyId: acme!.id, kind: 'physical', iccid: demoIccid('13', 10), pin: '1111', puk: '20000010', status: 'assigned', serviceId: onLeave!.id });
      await tx.insert(mobileNumbers).values({ msisdn, status: 'assigned', companyId: acme!.id, serviceId: onLeave!.id });
    }
    await tx.insert(mobileNumbers).values(DEMO_FREE_NUMBERS.map((msisdn) => ({ msisdn })));
  });
  return true;
};
