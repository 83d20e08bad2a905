import type { Deps } from '../../../deps.js';
import { AppError } from '../../../platform/app-error.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { catalogSnapshot, type CatalogSnapshot } from '../../catalog/index.js';
import { parseFields, parseFilters, pickFields } from '../domain/tmf-query.js';
import { SERVICE_STATE, statusesOfServiceState, TMF_SERVICE_STATES, type TmfServiceState } from '../domain/tmf-states.js';
import { companyName, findInventoryItem, listInventory, type InventoryFilter, type InventoryRow } from '../service-inventory.repository.js';
import type { TmfService } from '../tmf.schemas.js';
import { SERVICE_SPECIFICATION_VERSION, TMF_REF_PATHS } from './tmf-references.js';

export const SERVICE_PATH = '/tmf-api/serviceInventory/v4/service';

const FILTERS = ['id', 'state', 'name', 'serviceType', 'category'] as const;

const characteristic = (name: string, value: string | string[] | null) => ({ name, valueType: Array.isArray(value) ? 'array' : 'string', value });

const serviceRef = (id: string) => ({ id, href: `${SERVICE_PATH}/${id}`, '@referredType': 'Service' });

/** The services a service took its numbers from, as stored on it: the line an internal port replaced, the holder of a fixed number taken over. */
const sourcesOf = (s: InventoryRow['service']) => [
  ...(s.portFromServiceId ? [{ id: s.portFromServiceId, relationshipType: 'replaces' }] : []),
  ...(s.fixedNumberTakenFromServiceId ? [{ id: s.fixedNumberTakenFromServiceId, relationshipType: 'tookFixedNumberFrom' }] : []),
];

/** One service as TMF638 shows it; our own status stays readable as `fleetdeskStatus`. */
// Links into the other TM Forum APIs (party, address, resource, catalog) are absolute URIs, as TMF638
// v4's RelatedParty, ResourceRef and ServiceSpecificationRef require; links within this API are paths like `href`.
const toTmf = (r: InventoryRow, catalog: CatalogSnapshot, company: { id: string; name: string }, lang: Lang, base: string): TmfService => {
  const s = r.service;
  const type = catalog.serviceTypes.get(s.serviceTypeCode);
  const name = (text: { en: string; fr: string; nl: string } | undefined, fallback: string) => (text ? localize(text, lang) : fallback);
  return {
    id: s.id,
    href: `${SERVICE_PATH}/${s.id}`,
    '@type': 'Service',
    name: s.msisdn ?? name(type?.name, s.serviceTypeCode),
    // what a person reads in the portal's list: the bundle, and whose line it is
    description: `${name(catalog.bundles.get(s.bundleCode)?.name, s.bundleCode)} – ${r.user.firstName} ${r.user.lastName}`,
    category: type?.productTypeCode ?? '',
    serviceType: s.serviceTypeCode,
    state: SERVICE_STATE[s.status],
    isServiceEnabled: s.status === 'active',
    hasStarted: s.activatedAt !== null,
    startMode: s.activationMethod === 'automatic' ? 'automatically' : 'manually',
    serviceDate: s.createdAt.toISOString(),
    // left out until there is one: TMF638's dates are strings, never null
    ...(s.activatedAt ? { startDate: s.activatedAt.toISOString() } : {}),
    ...(s.endedAt ? { endDate: s.endedAt.toISOString() } : {}),
    serviceSpecification: {
      id: s.serviceTypeCode,
      href: base + TMF_REF_PATHS.serviceSpecification(s.serviceTypeCode),
      name: name(type?.name, s.serviceTypeCode),
      version: SERVICE_SPECIFICATION_VERSION,
      '@referredType': 'ServiceSpecification',
    },
    serviceCharacteristic: [
      characteristic('msisdn', s.msisdn),
      characteristic('bundle', s.bundleCode),
      characteristic('options', s.optionCodes),
      characteristic('simKind', r.sim?.kind ?? null),
      characteristic('iccid', r.sim?.iccid ?? null),
      characteristic('fixedNumber', r.fixedNumber),
      characteristic('fleetdeskStatus', s.status),
    ],
    // the services this one took its numbers from (an internal port, an active fixed number taken
    // over); empty for a line that stands on no other service of ours (its options are characteristics)
    supportingService: sourcesOf(s).map(({ id }) => serviceRef(id)),
    supportingResource: [
      ...(r.sim ? [{ id: r.sim.iccid, href: base + TMF_REF_PATHS.resource(r.sim.iccid), name: r.sim.kind === 'esim' ? 'eSIM' : 'SIM', '@referredType': 'PhysicalResource' }] : []),
      ...(s.msisdn ? [{ id: s.msisdn, href: base + TMF_REF_PATHS.resource(s.msisdn), name: 'MSISDN', '@referredType': 'LogicalResource' }] : []),
    ],
    relatedParty: [
      { id: r.user.id, href: base + TMF_REF_PATHS.individual(r.user.id), name: `${r.user.firstName} ${r.user.lastName}`, role: 'user', '@referredType': 'Individual' },
      { id: company.id, href: base + TMF_REF_PATHS.organization(company.id), name: company.name, role: 'customer', '@referredType': 'Organization' },
    ],
    place: r.office ? [{ id: r.office.id, href: base + TMF_REF_PATHS.geographicAddress(r.office.id), name: r.office.name, role: 'office', '@referredType': 'GeographicAddress' }] : [],
    serviceRelationship: sourcesOf(s).map(({ id, relationshipType }) => ({ relationshipType, service: serviceRef(id) })),
  };
};

/** TMF filters as a query on our rows: a state is the statuses it stands for, a category the service types of a product type. */
const filterOf = (query: Record<string, unknown>, catalog: CatalogSnapshot): InventoryFilter => {
  const { filters, unknown } = parseFilters(query, FILTERS);
  if (unknown.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: unknown.map((field) => ({ field, rule: 'unknown_filter' })) });
  const f: InventoryFilter = {};
  // ids are uuids: anything else matches nothing (and must not reach a uuid comparison)
  if (filters.id) f.ids = filters.id.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (filters.state) f.statuses = filters.state.filter((s): s is TmfServiceState => (TMF_SERVICE_STATES as readonly string[]).includes(s)).flatMap(statusesOfServiceState);
  // a name is the number in E.164, always with its `+`: a `+` sent unencoded in the query string
  // arrives as a space (form encoding), so digits alone are the number with its `+`
  if (filters.name) f.msisdns = filters.name.map((n) => (/^\d+$/.test(n) ? `+${n}` : n));
  const types = [...catalog.serviceTypes.values()];
  if (filters.serviceType || filters.category) {
    f.serviceTypeCodes = types
      .filter((t) => (!filters.serviceType || filters.serviceType.includes(t.code)) && (!filters.category || filters.category.includes(t.productTypeCode)))
      .map((t) => t.code);
  }
  return f;
};

export const listTmfServices = async (deps: Pick<Deps, 'db' | 'links'>, scope: CompanyScope, query: Record<string, unknown> & { fields?: string; offset: number; limit: number }, lang: Lang) => {
  const catalog = await catalogSnapshot(deps.db);
  const filter = filterOf(query, catalog);
  const [{ rows, total }, name] = await Promise.all([listInventory(deps.db, scope, filter, query), companyName(deps.db, scope)]);
  const fields = parseFields(query.fields);
  return { items: rows.map((r) => pickFields(toTmf(r, catalog, { id: scope.companyId, name }, lang, deps.links.publicUrl()), fields)), total };
};

export const getTmfService = async (deps: Pick<Deps, 'db' | 'links'>, scope: CompanyScope, id: string, fields: string | undefined, lang: Lang) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('SERVICE.NOT_FOUND');
  const [row, catalog, name] = await Promise.all([findInventoryItem(deps.db, scope, id), catalogSnapshot(deps.db), companyName(deps.db, scope)]);
  if (!row) throw new AppError('SERVICE.NOT_FOUND');
  return pickFields(toTmf(row, catalog, { id: scope.companyId, name }, lang, deps.links.publicUrl()), parseFields(fields));
};
