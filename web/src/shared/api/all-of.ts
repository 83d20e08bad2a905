/**
 * A list of every value of a union from the contract, in the order the page shows them. The type
 * check fails when the list misses a value the server knows (or names one it does not), so a new
 * status on the server cannot go unnoticed in a filter.
 *
 *   export const SIM_STATUSES = allOf<SimStatus>()(['in_stock', 'reserved', 'assigned', 'retired']);
 */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    values;
