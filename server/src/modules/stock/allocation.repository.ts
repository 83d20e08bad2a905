// The one place where mobile numbers, SIM cards (and eSIM profiles) and fixed numbers change hands.
// Other modules call these verbs (through index.ts) and never write the three tables themselves;
// server/src/architecture.test.ts holds them to it.
//
//   reserve     stock → a service not active yet (conditional: of several callers exactly one gets it)
//   assign      the service becomes active: what it reserved is now its own
//   release     a service that never started gives everything back
//   quarantine  an ended service's number rests before anyone gets it again
//   retire      an ended service's SIM leaves service for good
//   move        a number goes from one service of the company to another (port within the organisation)
//   swap        a live line's replacement SIM: reserved with `reserveSim`/`reserveEsim`, then it takes the
//               old one's place once live (`completeSimSwap`), or goes back to stock (`cancelSimSwap`)
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { fixedNumbers, mobileNumbers, services, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, sameCompanyRow, type CompanyScope } from '../../platform/tenant.js';

// ---------------------------------------------------------------- look-ups (no writes)

export const mobileNumberStatus = async (q: Queryable, msisdn: string) => {
  const [row] = await q.select({ status: mobileNumbers.status }).from(mobileNumbers).where(eq(mobileNumbers.msisdn, msisdn));
  return row?.status ?? null;
};

export const findSimByIccid = async (q: Queryable, scope: CompanyScope, iccid: string) => {
  const [row] = await q.select().from(simCards).where(inCompany(simCards, scope, eq(simCards.iccid, iccid)));
  return row ?? null;
};

export const countFreeEsims = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ n: count() }).from(simCards).where(inCompany(simCards, scope, eq(simCards.kind, 'esim'), eq(simCards.status, 'in_stock')));
  return row?.n ?? 0;
};

/** A fixed number of the company with the status of the service holding it (if any). */
export const findFixedNumber = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q
    .select({ number: fixedNumbers, holderStatus: services.status })
    .from(fixedNumbers)
    .leftJoin(services, sameCompanyRow(services, fixedNumbers.serviceId, fixedNumbers))
    .where(inCompany(fixedNumbers, scope, eq(fixedNumbers.id, id)));
  return row ?? null;
};

// ---------------------------------------------------------------- reserve

export const reserveMobileNumber = async (q: Queryable, scope: CompanyScope, msisdn: string, serviceId: string) => {
  const rows = await q
    .update(mobileNumbers)
    .set({ status: 'reserved', companyId: scope.companyId, serviceId, updatedAt: new Date() })
    .where(and(eq(mobileNumbers.msisdn, msisdn), eq(mobileNumbers.status, 'free')))
    .returning({ msisdn: mobileNumbers.msisdn });
  return rows.length === 1;
};

export const reserveSim = async (q: Queryable, scope: CompanyScope, simId: string, serviceId: string) => {
  const rows = await q
    .update(simCards)
    .set({ status: 'reserved', serviceId, updatedAt: new Date() })
    .where(inCompany(simCards, scope, eq(simCards.id, simId), eq(simCards.status, 'in_stock')))
    .returning({ id: simCards.id });
  return rows.length === 1;
};

/** Takes one free eSIM profile of the company; concurrent saves skip each other's locked rows. */
export const reserveEsim = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const rows = await q
    .update(simCards)
    .set({ status: 'reserved', serviceId, updatedAt: new Date() })
    .where(
      eq(
        simCards.id,
        sql`(select id from ${simCards} where company_id = ${scope.companyId} and kind = 'esim' and status = 'in_stock'
             order by iccid limit 1 for update skip locked)`,
      ),
    )
    .returning({ id: simCards.id, iccid: simCards.iccid });
  return rows[0] ?? null;
};

/**
 * Gives a fixed number to a service at once (fixed numbers have no reservation): an available one,
 * or — a take-over — one still held by `takeOverFrom`, which loses it in the same statement.
 */
export const assignFixedNumber = async (q: Queryable, scope: CompanyScope, id: string, serviceId: string, takeOverFrom: string | null) => {
  const rows = await q
    .update(fixedNumbers)
    .set({ status: 'assigned', serviceId, updatedAt: new Date() })
    .where(
      inCompany(
        fixedNumbers,
        scope,
        eq(fixedNumbers.id, id),
        takeOverFrom ? and(eq(fixedNumbers.status, 'assigned'), eq(fixedNumbers.serviceId, takeOverFrom)) : eq(fixedNumbers.status, 'available'),
      ),
    )
    .returning({ id: fixedNumbers.id });
  return rows.length === 1;
};

// ---------------------------------------------------------------- assign

/** At activation the reservations become assignments: the number and SIM now belong to a live line. */
export const assignStock = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const now = new Date();
  await q
    .update(mobileNumbers)
    .set({ status: 'assigned', updatedAt: now })
    .where(and(eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.serviceId, serviceId)));
  await q
    .update(simCards)
    .set({ status: 'assigned', updatedAt: now })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.status, 'reserved')));
};

// ---------------------------------------------------------------- release

/**
 * Everything a service that never started holds goes back: the number to the pool, the SIM to stock,
 * the fixed number to the service it was taken over from (if that one is still live and holds no
 * other) or else to the available list.
 */
export const releaseStock = async (q: Queryable, scope: CompanyScope, service: { id: string; fixedNumberTakenFromServiceId: string | null }) => {
  const now = new Date();
  await q
    .update(mobileNumbers)
    .set({ status: 'free', companyId: null, serviceId: null, updatedAt: now })
    .where(and(eq(mobileNumbers.serviceId, service.id), eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.status, 'reserved')));
  await q
    .update(simCards)
    .set({ status: 'in_stock', serviceId: null, updatedAt: now })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, service.id), eq(simCards.status, 'reserved')));
  let previousHolder: string | null = null;
  if (service.fixedNumberTakenFromServiceId) {
    const [prev] = await q
      .select({ id: services.id })
      .from(services)
      .where(inCompany(services, scope, eq(services.id, service.fixedNumberTakenFromServiceId), inArray(services.status, ['active', 'suspended'])));
    const [holds] = prev ? await q.select({ id: fixedNumbers.id }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, eq(fixedNumbers.serviceId, prev.id))) : [];
    if (prev && !holds) previousHolder = prev.id;
  }
  await q
    .update(fixedNumbers)
    .set(previousHolder ? { serviceId: previousHolder, updatedAt: now } : { status: 'available', serviceId: null, updatedAt: now })
    .where(inCompany(fixedNumbers, scope, eq(fixedNumbers.serviceId, service.id)));
  return { fixedNumberReturnedTo: previousHolder };
};

/** An ended service's fixed number goes back to the company's available list. */
export const releaseFixedNumberOf = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  await q.update(fixedNumbers).set({ status: 'available', serviceId: null, updatedAt: new Date() }).where(inCompany(fixedNumbers, scope, eq(fixedNumbers.serviceId, serviceId)));
};

// ---------------------------------------------------------------- quarantine, retire, move

/** An ended service's number rests until `until` before it can be handed out again. */
export const quarantineNumberOf = async (q: Queryable, scope: CompanyScope, serviceId: string, until: Date) => {
  await q
    .update(mobileNumbers)
    .set({ status: 'quarantined', quarantinedUntil: until, updatedAt: new Date() })
    .where(and(eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.serviceId, serviceId)));
};

/** The SIMs a service holds leave service for good; their ICCIDs, for the network. */
export const retireSimsOf = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const rows = await q
    .update(simCards)
    .set({ status: 'retired', updatedAt: new Date() })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), inArray(simCards.status, ['reserved', 'assigned'])))
    .returning({ iccid: simCards.iccid });
  return rows.map((r) => r.iccid);
};

/** A number moving within the company: the pool row follows it to the new service, which holds it now. */
export const moveNumber = async (q: Queryable, scope: CompanyScope, msisdn: string, toServiceId: string) => {
  await q
    .update(mobileNumbers)
    .set({ serviceId: toServiceId, status: 'assigned', updatedAt: new Date() })
    .where(and(eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.msisdn, msisdn)));
};

// ---------------------------------------------------------------- swap

/**
 * A replacement SIM is live: the service's old SIM is retired and the new one (reserved when the
 * swap was asked for) is the line's own. The number does not move.
 */
export const completeSimSwap = async (q: Queryable, scope: CompanyScope, serviceId: string, fromIccid: string, toIccid: string) => {
  const now = new Date();
  await q
    .update(simCards)
    .set({ status: 'retired', updatedAt: now })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.iccid, fromIccid)));
  await q
    .update(simCards)
    .set({ status: 'assigned', updatedAt: now })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.iccid, toIccid), eq(simCards.status, 'reserved')));
};

/** A replacement that will not happen: its SIM goes back to the company's stock. */
export const cancelSimSwap = async (q: Queryable, scope: CompanyScope, serviceId: string, toIccid: string) => {
  await q
    .update(simCards)
    .set({ status: 'in_stock', serviceId: null, updatedAt: new Date() })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.iccid, toIccid), eq(simCards.status, 'reserved')));
};
