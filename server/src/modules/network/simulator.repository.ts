import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { bundles, services, simulatorDonorNumbers, simulatorRequests } from '../../db/schema.js';
import type { Db, Queryable } from '../../platform/db.js';
import { DONOR_REGISTER } from './domain/donor-register.js';
import type { DonorEntry } from './domain/porting-rules.js';
import type { SimulatorOutcome, SimulatorRequestKind } from './domain/simulator-request.js';

/** The network simulator's queries: its requests and its donor register. */

export type SimulatorRequestRow = typeof simulatorRequests.$inferSelect;

export type NewSimulatorRequest = {
  idempotencyKey: string;
  kind: SimulatorRequestKind;
  msisdn: string;
  payload: Record<string, string>;
  outcome: SimulatorOutcome;
  readyAt: Date;
};

export const findRequestByKey = async (q: Queryable, idempotencyKey: string): Promise<SimulatorRequestRow | undefined> => {
  const [row] = await q.select().from(simulatorRequests).where(eq(simulatorRequests.idempotencyKey, idempotencyKey));
  return row;
};

export const findRequest = async (q: Queryable, id: string): Promise<SimulatorRequestRow | undefined> => {
  const [row] = await q.select().from(simulatorRequests).where(eq(simulatorRequests.id, id));
  return row;
};

/** The new request's id, or null when another call with the same key got there first. */
export const insertRequest = async (q: Queryable, request: NewSimulatorRequest): Promise<string | null> => {
  const [row] = await q
    .insert(simulatorRequests)
    .values(request)
    .onConflictDoNothing({ target: simulatorRequests.idempotencyKey })
    .returning({ id: simulatorRequests.id });
  return row?.id ?? null;
};

/**
 * The donor register's entry for a number, locked until the transaction ends: two port-ins of one
 * number (from two portal instances) are judged one after the other, so only one finds no port
 * pending.
 */
export const lockDonorEntry = async (q: Queryable, msisdn: string): Promise<DonorEntry | null> => {
  const [row] = await q.select().from(simulatorDonorNumbers).where(eq(simulatorDonorNumbers.msisdn, msisdn)).for('update');
  return row ?? null;
};

/** Whether a port-in of the number is still waiting for the donor's answer at `now`. */
export const hasPortInPending = async (q: Queryable, msisdn: string, now: Date) => {
  const [row] = await q
    .select({ id: simulatorRequests.id })
    .from(simulatorRequests)
    .where(and(eq(simulatorRequests.kind, 'port_in'), eq(simulatorRequests.msisdn, msisdn), gt(simulatorRequests.readyAt, now)))
    .limit(1);
  return row !== undefined;
};

/** The requests the network has done for a number by `now` (answered ones only), oldest first. */
export const lineHistory = (q: Queryable, msisdn: string, now: Date) =>
  q
    .select({ kind: simulatorRequests.kind, payload: simulatorRequests.payload })
    .from(simulatorRequests)
    .where(and(eq(simulatorRequests.msisdn, msisdn), lte(simulatorRequests.readyAt, now), sql`${simulatorRequests.outcome}->>'status' = 'done'`))
    .orderBy(asc(simulatorRequests.readyAt), asc(simulatorRequests.createdAt));

/**
 * Writes the donor register (domain/donor-register.ts) into the database. Safe to run on every
 * start: a seeded number takes the values in the code again, numbers added by hand stay.
 */
export const seedDonorRegister = async (db: Db) => {
  await db
    .insert(simulatorDonorNumbers)
    .values([...DONOR_REGISTER])
    .onConflictDoUpdate({
      target: simulatorDonorNumbers.msisdn,
      set: {
        operator: sql`excluded.operator`,
        accountType: sql`excluded.account_type`,
        customerNumber: sql`excluded.customer_number`,
        simNumber: sql`excluded.sim_number`,
        holderName: sql`excluded.holder_name`,
      },
    });
};

/**
 * The lines the operator's rating knows on a day: every service with a number that was live at some
 * moment of [start, end), with its bundle's allowances and its options. One number can pass from one
 * service to another on a day (a move within the company); the later service holds it.
 */
export const linesInService = async (q: Queryable, start: Date, end: Date) =>
  q
    .selectDistinctOn([services.msisdn], { msisdn: services.msisdn, activatedAt: services.activatedAt, dataGb: bundles.dataGb, callMinutes: bundles.callMinutes, optionCodes: services.optionCodes })
    .from(services)
    .innerJoin(bundles, eq(bundles.code, services.bundleCode))
    .where(and(isNotNull(services.msisdn), lt(services.activatedAt, end), or(isNull(services.endedAt), gt(services.endedAt, start))))
    .orderBy(asc(services.msisdn), desc(services.activatedAt));

/** Every suspension, resumption, bar, unbar and barring the network has done before `end`, oldest first. */
export const lineStateEvents = (q: Queryable, end: Date) =>
  q
    .select({ msisdn: simulatorRequests.msisdn, kind: simulatorRequests.kind, at: simulatorRequests.readyAt, payload: simulatorRequests.payload })
    .from(simulatorRequests)
    .where(
      and(
        inArray(simulatorRequests.kind, ['suspend_line', 'resume_line', 'bar_line', 'unbar_line', 'set_barring']),
        lt(simulatorRequests.readyAt, end),
        sql`${simulatorRequests.outcome}->>'status' = 'done'`,
      ),
    )
    .orderBy(asc(simulatorRequests.readyAt), asc(simulatorRequests.createdAt));
