import { eq } from 'drizzle-orm';
import { companies, mobileNumbers, mobileUsers, offices, serviceTypes, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

// What the references of a TMF638 service point at, each read within the client's company
// (the service specifications are the operator's catalog, the same for every company).

export const findIndividual = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q
    .select({ id: mobileUsers.id, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, email: mobileUsers.email })
    .from(mobileUsers)
    .where(inCompany(mobileUsers, scope, eq(mobileUsers.id, id)));
  return row ?? null;
};

export const findOrganization = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ id: companies.id, name: companies.name, vatNumber: companies.vatNumber }).from(companies).where(eq(companies.id, scope.companyId));
  return row ?? null;
};

export const findOffice = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q
    .select({ id: offices.id, name: offices.name, street: offices.street, postalCode: offices.postalCode, city: offices.city, country: offices.country })
    .from(offices)
    .where(inCompany(offices, scope, eq(offices.id, id)));
  return row ?? null;
};

export const findSim = async (q: Queryable, scope: CompanyScope, iccid: string) => {
  const [row] = await q.select({ iccid: simCards.iccid, kind: simCards.kind, status: simCards.status }).from(simCards).where(inCompany(simCards, scope, eq(simCards.iccid, iccid)));
  return row ?? null;
};

export const findMobileNumber = async (q: Queryable, scope: CompanyScope, msisdn: string) => {
  const [row] = await q.select({ msisdn: mobileNumbers.msisdn, status: mobileNumbers.status }).from(mobileNumbers).where(inCompany(mobileNumbers, scope, eq(mobileNumbers.msisdn, msisdn)));
  return row ?? null;
};

export const findServiceType = async (q: Queryable, code: string) => {
  const [row] = await q
    .select({ code: serviceTypes.code, productTypeCode: serviceTypes.productTypeCode, name: serviceTypes.name, description: serviceTypes.description })
    .from(serviceTypes)
    .where(eq(serviceTypes.code, code));
  return row ?? null;
};
