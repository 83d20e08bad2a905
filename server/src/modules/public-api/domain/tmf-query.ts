/**
 * The query conventions of the TM Forum REST design guidelines (TMF630) for list and read
 * operations: `fields` to choose attributes, `offset`/`limit` to page, and any other parameter an
 * equality filter on a top-level attribute.
 */

/** `fields=id,state`: the attributes asked for, each once; null when the parameter is absent. */
export const parseFields = (raw: string | undefined): string[] | null => {
  if (raw === undefined) return null;
  const names = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  return names.length ? names : null;
};

/**
 * The resource's identity (`id`, `href`) is returned whatever `fields` asks: TMF630's attribute
 * selection keeps what identifies the resource, and TM Forum's conformance kits check it.
 */
const IDENTITY = ['id', 'href'];

/** The attributes asked for (those the resource has) and its identity; the whole resource without `fields`. */
export const pickFields = <T extends Record<string, unknown>>(resource: T, fields: string[] | null): Partial<T> =>
  fields ? (Object.fromEntries([...new Set([...IDENTITY, ...fields])].filter((f) => f in resource).map((f) => [f, resource[f]])) as Partial<T>) : resource;

const PAGING = new Set(['fields', 'offset', 'limit']);

/**
 * The filters of a list request: every parameter but the paging ones. Only `allowed` attributes can
 * be filtered on (the others are refused by name rather than ignored: a client that believes it
 * filtered must not get everything); a repeated parameter means any of its values.
 */
export const parseFilters = <K extends string>(query: Record<string, unknown>, allowed: readonly K[]): { filters: Partial<Record<K, string[]>>; unknown: string[] } => {
  const filters: Partial<Record<K, string[]>> = {};
  const unknown: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (PAGING.has(key)) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      unknown.push(key);
      continue;
    }
    // state=active,inactive and state=active&state=inactive both mean either
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
    filters[key as K] = values;
  }
  return { filters, unknown };
};
