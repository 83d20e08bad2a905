import type { Deps } from '../../../deps.js';
import { AppError } from '../../../platform/app-error.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { parseFields, pickFields } from '../domain/tmf-query.js';
import { findIndividual, findMobileNumber, findOffice, findOrganization, findServiceType, findSim } from '../tmf-references.repository.js';
import type { TmfGeographicAddress, TmfIndividual, TmfOrganization, TmfResource, TmfServiceSpecification } from '../tmf.schemas.js';

// The resources a TMF638 service refers to (its user and company, office, SIM and number, service
// specification), each readable at its `href` so that every reference of the inventory resolves.
// Read-only and minimal: what Fleetdesk keeps about each, in the shape of its TM Forum API.

export const TMF_REF_ROOTS = {
  individual: '/tmf-api/partyManagement/v4/individual',
  organization: '/tmf-api/partyManagement/v4/organization',
  geographicAddress: '/tmf-api/geographicAddressManagement/v4/geographicAddress',
  resource: '/tmf-api/resourceInventoryManagement/v4/resource',
  serviceSpecification: '/tmf-api/serviceCatalogManagement/v4/serviceSpecification',
} as const;

/** The version of every service specification: a service type's definition (what it needs and holds) has had one version. */
export const SERVICE_SPECIFICATION_VERSION = '1.0';

const under = (root: string) => (id: string) => `${root}/${encodeURIComponent(id)}`;
export const TMF_REF_PATHS = {
  individual: under(TMF_REF_ROOTS.individual),
  organization: under(TMF_REF_ROOTS.organization),
  geographicAddress: under(TMF_REF_ROOTS.geographicAddress),
  resource: under(TMF_REF_ROOTS.resource),
  serviceSpecification: under(TMF_REF_ROOTS.serviceSpecification),
};

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const notFound = () => new AppError('NOT_FOUND');

export const getTmfIndividual = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined) => {
  const u = isUuid(id) ? await findIndividual(deps.db, scope, id) : null;
  if (!u) throw notFound();
  const individual: TmfIndividual = {
    id: u.id,
    href: TMF_REF_PATHS.individual(u.id),
    '@type': 'Individual',
    givenName: u.firstName,
    familyName: u.lastName,
    fullName: `${u.firstName} ${u.lastName}`,
    contactMedium: [{ mediumType: 'email', preferred: true, characteristic: { emailAddress: u.email } }],
  };
  return pickFields(individual, parseFields(fields));
};

export const getTmfOrganization = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined) => {
  // a client sees its own company only
  const c = id === scope.companyId ? await findOrganization(deps.db, scope) : null;
  if (!c) throw notFound();
  const organization: TmfOrganization = {
    id: c.id,
    href: TMF_REF_PATHS.organization(c.id),
    '@type': 'Organization',
    name: c.name,
    tradingName: c.name,
    ...(c.vatNumber ? { organizationIdentification: [{ identificationType: 'VAT', identificationId: c.vatNumber }] } : {}),
  };
  return pickFields(organization, parseFields(fields));
};

export const getTmfGeographicAddress = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined) => {
  const o = isUuid(id) ? await findOffice(deps.db, scope, id) : null;
  if (!o) throw notFound();
  const address: TmfGeographicAddress = {
    id: o.id,
    href: TMF_REF_PATHS.geographicAddress(o.id),
    '@type': 'GeographicAddress',
    name: o.name,
    streetName: o.street,
    postcode: o.postalCode,
    city: o.city,
    country: o.country,
  };
  return pickFields(address, parseFields(fields));
};

/** A SIM card by its ICCID, or a mobile number (E.164) the company holds. */
export const getTmfResource = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined) => {
  let resource: TmfResource | null = null;
  if (/^\d{18,22}$/.test(id)) {
    const sim = await findSim(deps.db, scope, id);
    if (sim)
      resource = {
        id: sim.iccid,
        href: TMF_REF_PATHS.resource(sim.iccid),
        '@type': 'PhysicalResource',
        name: sim.kind === 'esim' ? 'eSIM' : 'SIM',
        resourceCharacteristic: [
          { name: 'iccid', valueType: 'string', value: sim.iccid },
          { name: 'simKind', valueType: 'string', value: sim.kind },
          { name: 'fleetdeskStatus', valueType: 'string', value: sim.status },
        ],
      };
  } else if (/^\+\d{6,15}$/.test(id)) {
    const number = await findMobileNumber(deps.db, scope, id);
    if (number)
      resource = {
        id: number.msisdn,
        href: TMF_REF_PATHS.resource(number.msisdn),
        '@type': 'LogicalResource',
        name: 'MSISDN',
        value: number.msisdn,
        resourceCharacteristic: [{ name: 'fleetdeskStatus', valueType: 'string', value: number.status }],
      };
  }
  if (!resource) throw notFound();
  return pickFields(resource, parseFields(fields));
};

export const getTmfServiceSpecification = async (deps: Pick<Deps, 'db'>, id: string, fields: string | undefined, lang: Lang) => {
  const t = await findServiceType(deps.db, id);
  if (!t) throw notFound();
  const specification: TmfServiceSpecification = {
    id: t.code,
    href: TMF_REF_PATHS.serviceSpecification(t.code),
    '@type': 'ServiceSpecification',
    name: localize(t.name, lang),
    description: localize(t.description, lang),
    version: SERVICE_SPECIFICATION_VERSION,
    category: t.productTypeCode,
  };
  return pickFields(specification, parseFields(fields));
};
