import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import {
  FIXED_NUMBER_STOCK,
  POOL_NUMBER_STOCK,
  SIM_CARD_STOCK,
  type FixedNumberItem,
  type PoolNumberItem,
  type SimCardItem,
  type StockSpec,
} from '../domain/stock-items.js';
import {
  insertFixedNumbers,
  insertPoolNumbers,
  insertSimCards,
  takenFixedNumbers,
  takenIccids,
  takenPoolNumbers,
  type FixedNumberRow,
  type PoolNumberRow,
  type SimCardRow,
} from '../stock.repository.js';

/**
 * Where a kind of stock goes: its rules (domain), how to find what the database already holds and
 * how to write a batch (repository), and what the audit line says. Add and import both use it.
 */
export type StockTarget<T, R> = {
  spec: StockSpec<T>;
  /** The company whose stock this is; null for the operator's own number pool. */
  scope: CompanyScope | null;
  taken: (q: Queryable, keys: string[]) => Promise<Set<string>>;
  insert: (q: Queryable, items: T[]) => Promise<R[]>;
  /** audit: entity type of one item, and the action of an import ("sim_cards.imported") */
  entityType: string;
  importAction: string;
  entityIdOf: (row: R) => string;
  snapshotOf: (row: R) => Record<string, unknown>;
};

// PIN and PUK stay out of the audit trail: the company's administrators read it.
export const simCardStock = (scope: CompanyScope): StockTarget<SimCardItem, SimCardRow> => ({
  spec: SIM_CARD_STOCK,
  scope,
  taken: takenIccids,
  insert: (q, items) => insertSimCards(q, scope, items),
  entityType: 'sim_card',
  importAction: 'sim_cards.imported',
  entityIdOf: (row) => row.id,
  snapshotOf: (row) => ({ kind: row.kind, iccid: row.iccid, smdpAddress: row.smdpAddress, matchingId: row.matchingId }),
});

export const fixedNumberStock = (scope: CompanyScope): StockTarget<FixedNumberItem, FixedNumberRow> => ({
  spec: FIXED_NUMBER_STOCK,
  scope,
  taken: takenFixedNumbers,
  insert: (q, items) => insertFixedNumbers(q, scope, items),
  entityType: 'fixed_number',
  importAction: 'fixed_numbers.imported',
  entityIdOf: (row) => row.id,
  snapshotOf: (row) => ({ number: row.number }),
});

export const poolNumberStock: StockTarget<PoolNumberItem, PoolNumberRow> = {
  spec: POOL_NUMBER_STOCK,
  scope: null,
  taken: takenPoolNumbers,
  insert: insertPoolNumbers,
  entityType: 'mobile_number',
  importAction: 'mobile_numbers.imported',
  // a pool number has no id but itself; the audit line gets an id of its own
  entityIdOf: () => randomUUID(),
  snapshotOf: (row) => ({ msisdn: row.msisdn }),
};
