import { and, asc, between, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { bundles, mobileUsers, serviceChanges, services, usageCompanyDaily, usageMonthly, usageRecords } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, sameCompanyRow, userOfService, type CompanyScope } from '../../platform/tenant.js';

/** The Usage page's and the service page's reads: the loader's aggregates, scoped by company. */

const userName = sql<string>`${mobileUsers.firstName} || ' ' || ${mobileUsers.lastName}`;

/** Every line of the company with usage in a month (or only the one `serviceId` names), with what it holds now and who uses it. */
export const linesOfMonth = (q: Queryable, scope: CompanyScope, monthFirst: string, serviceId?: string) =>
  q
    .select({
      serviceId: usageMonthly.serviceId,
      dataMb: usageMonthly.dataMb,
      voiceNationalMin: usageMonthly.voiceNationalMin,
      voiceInternationalMin: usageMonthly.voiceInternationalMin,
      sms: usageMonthly.sms,
      roamingDataMb: usageMonthly.roamingDataMb,
      roamingVoiceMin: usageMonthly.roamingVoiceMin,
      roamingDays: usageMonthly.roamingDays,
      outOfBundleCents: usageMonthly.outOfBundleCents,
      msisdn: services.msisdn,
      mobileUserId: services.mobileUserId,
      userName,
      serviceTypeCode: services.serviceTypeCode,
      bundleCode: services.bundleCode,
      optionCodes: services.optionCodes,
      activatedAt: services.activatedAt,
    })
    .from(usageMonthly)
    .innerJoin(services, sameCompanyRow(services, usageMonthly.serviceId, usageMonthly))
    .innerJoin(mobileUsers, userOfService)
    .where(inCompany(usageMonthly, scope, eq(usageMonthly.month, monthFirst), serviceId ? eq(usageMonthly.serviceId, serviceId) : undefined));

/** The bundle and option changes of the company's services that took effect from `firstDay` on, in order. */
export const changesFrom = (q: Queryable, scope: CompanyScope, firstDay: string, serviceIds?: string[]) =>
  q
    .select({
      serviceId: serviceChanges.serviceId,
      effectiveOn: serviceChanges.effectiveOn,
      fromBundleCode: serviceChanges.fromBundleCode,
      fromOptionCodes: serviceChanges.fromOptionCodes,
      toBundleCode: serviceChanges.toBundleCode,
      toOptionCodes: serviceChanges.toOptionCodes,
    })
    .from(serviceChanges)
    .where(inCompany(serviceChanges, scope, gte(serviceChanges.effectiveOn, firstDay), serviceIds ? inArray(serviceChanges.serviceId, serviceIds) : undefined))
    .orderBy(asc(serviceChanges.serviceId), asc(serviceChanges.effectiveOn), asc(serviceChanges.createdAt));

/** The catalog's bundles, for allowances, names and the bundles a suggestion may name. */
export const allBundles = (q: Queryable) =>
  q
    .select({
      code: bundles.code,
      serviceTypeCode: bundles.serviceTypeCode,
      name: bundles.name,
      dataGb: bundles.dataGb,
      callMinutes: bundles.callMinutes,
      monthlyPriceCents: bundles.monthlyPriceCents,
      active: bundles.active,
    })
    .from(bundles);

/** The company's usage per day between two days (the chart). */
export const companyDays = (q: Queryable, scope: CompanyScope, from: string, to: string) =>
  q
    .select({ day: usageCompanyDaily.usageDay, dataMb: usageCompanyDaily.dataMb, voiceMin: usageCompanyDaily.voiceMin, outOfBundleCents: usageCompanyDaily.outOfBundleCents })
    .from(usageCompanyDaily)
    .where(inCompany(usageCompanyDaily, scope, between(usageCompanyDaily.usageDay, from, to)))
    .orderBy(asc(usageCompanyDaily.usageDay));

/**
 * The company's lines with usage in each of the three months from `fromMonthFirst` to
 * `toMonthFirst` (bundle suggestions): their data of each month, oldest first, their out-of-bundle
 * charges over the three, and what they hold now. Grouped in the database: one row per line.
 */
export const linesOfThreeMonths = (q: Queryable, scope: CompanyScope, fromMonthFirst: string, toMonthFirst: string) =>
  q
    .select({
      serviceId: usageMonthly.serviceId,
      monthsDataMb: sql<number[]>`array_agg((${usageMonthly.dataMb} + ${usageMonthly.roamingDataMb})::int order by ${usageMonthly.month})`,
      outOfBundleCents: sql<number>`sum(${usageMonthly.outOfBundleCents})::int`,
      msisdn: services.msisdn,
      userName,
      bundleCode: services.bundleCode,
    })
    .from(usageMonthly)
    .innerJoin(services, sameCompanyRow(services, usageMonthly.serviceId, usageMonthly))
    .innerJoin(mobileUsers, userOfService)
    .where(inCompany(usageMonthly, scope, between(usageMonthly.month, fromMonthFirst, toMonthFirst)))
    .groupBy(usageMonthly.serviceId, services.msisdn, services.bundleCode, mobileUsers.firstName, mobileUsers.lastName)
    .having(sql`count(*) = 3`);

/** One service of the company, as its usage needs it; undefined when the company has no such service. */
export const findService = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select({ id: services.id, msisdn: services.msisdn, bundleCode: services.bundleCode, optionCodes: services.optionCodes, activatedAt: services.activatedAt, serviceTypeCode: services.serviceTypeCode })
    .from(services)
    .where(inCompany(services, scope, eq(services.id, serviceId)));
  return row;
};

/** A service's months from `fromMonthFirst` on, newest first. */
export const serviceMonths = (q: Queryable, scope: CompanyScope, serviceId: string, fromMonthFirst: string) =>
  q
    .select({
      month: usageMonthly.month,
      dataMb: usageMonthly.dataMb,
      voiceNationalMin: usageMonthly.voiceNationalMin,
      voiceInternationalMin: usageMonthly.voiceInternationalMin,
      sms: usageMonthly.sms,
      roamingDataMb: usageMonthly.roamingDataMb,
      roamingVoiceMin: usageMonthly.roamingVoiceMin,
      roamingDays: usageMonthly.roamingDays,
      outOfBundleCents: usageMonthly.outOfBundleCents,
    })
    .from(usageMonthly)
    .where(inCompany(usageMonthly, scope, eq(usageMonthly.serviceId, serviceId), gte(usageMonthly.month, fromMonthFirst)))
    .orderBy(desc(usageMonthly.month));

/** The zones a service roamed in during a month, with days and data in each. */
export const roamingZonesOfMonth = (q: Queryable, scope: CompanyScope, serviceId: string, first: string, last: string) =>
  q
    .select({ zone: usageRecords.roamingZone, days: sql<number>`count(*)::int`, dataMb: sql<number>`sum(${usageRecords.roamingDataMb})::int` })
    .from(usageRecords)
    .where(
      and(
        inCompany(usageRecords, scope, eq(usageRecords.serviceId, serviceId), gte(usageRecords.usageDay, first), lte(usageRecords.usageDay, last)),
        sql`${usageRecords.roamingZone} is not null`,
      ),
    )
    .groupBy(usageRecords.roamingZone);

/** Out-of-bundle charges of a month per service, with the line's number and user (the next bill). */
export const outOfBundleOfMonth = (q: Queryable, scope: CompanyScope, monthFirst: string) =>
  q
    .select({ serviceId: usageMonthly.serviceId, amountCents: usageMonthly.outOfBundleCents, msisdn: services.msisdn, mobileUserId: services.mobileUserId, userName })
    .from(usageMonthly)
    .innerJoin(services, sameCompanyRow(services, usageMonthly.serviceId, usageMonthly))
    .innerJoin(mobileUsers, userOfService)
    .where(inCompany(usageMonthly, scope, eq(usageMonthly.month, monthFirst), sql`${usageMonthly.outOfBundleCents} > 0`))
    .orderBy(asc(usageMonthly.serviceId));
