// The catalog module's public surface: the catalog as people see it, its dated prices, and the
// in-memory snapshot that hot read paths join names and prices from.
export { getCatalog } from './catalog.repository.js';
export { catalogSnapshot, type CatalogSnapshot } from './catalog-snapshot.js';
export { priceKey, pricesOn, type ItemKind } from './prices.js';
