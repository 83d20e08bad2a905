import type { StockKind } from './api';

/** The `stock.<section>` of the web catalogue that words each kind of stock. */
export const stockText = (stock: StockKind) =>
  stock === 'sim-cards' ? ('simCards' as const) : stock === 'fixed-numbers' ? ('fixedNumbers' as const) : ('pool' as const);
