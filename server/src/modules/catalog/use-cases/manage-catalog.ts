import { createHash } from 'node:crypto';
import type { Deps } from '../../../deps.js';
import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import { brusselsDay } from '../../../platform/calendar.js';
import type { LocalizedText } from '../../../db/schema.js';
import type { AccountActor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import { appliesAtOnce, canWithdraw, MAX_PRICE_YEARS_AHEAD, priceTiming, tooFarAhead } from '../domain/price-dating.js';
import {
  allListPrices,
  deletePrice,
  findCatalogEntry,
  findPrice,
  findPriceOn,
  insertPrice,
  itemExists,
  priceHistory,
  lockItem,
  setListPrice,
  updateCatalogEntry,
  updatePlannedPrice,
  type CatalogEntryKind,
} from '../catalog-admin.repository.js';
import type { PriceInput } from '../catalog-admin.schemas.js';
import type { ItemKind } from '../prices.js';
import { pricesOn, priceKey } from '../prices.js';

/**
 * Catalog entries are keyed by code; the audit log keys entities by UUID. A name-based UUID (RFC 9562
 * version 5 layout over SHA-1) gives each code the same id every time, so its audit lines group.
 */
export const catalogEntityId = (kind: string, code: string) => {
  const h = createHash('sha1').update(`fleetdesk:catalog:${kind}:${code}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A new name in the three languages, and for bundles and options whether new services may take them. */
export const editCatalogEntry = async (
  db: Db,
  actor: AccountActor,
  kind: CatalogEntryKind,
  code: string,
  patch: { name?: LocalizedText | undefined; active?: boolean | undefined; suspendedMonthlyPriceCents?: number | null | undefined },
) => {
  if (patch.active !== undefined && kind !== 'bundles' && kind !== 'options') {
    throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'active', rule: 'not_applicable' }] });
  }
  if (patch.suspendedMonthlyPriceCents !== undefined && kind !== 'bundles') {
    throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'suspendedMonthlyPriceCents', rule: 'not_applicable' }] });
  }
  await db.transaction(async (tx) => {
    const before = await findCatalogEntry(tx, kind, code);
    if (!before) throw new AppError('CATALOG.ITEM_NOT_FOUND');
    const values = {
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.suspendedMonthlyPriceCents !== undefined ? { suspendedMonthlyPriceCents: patch.suspendedMonthlyPriceCents } : {}),
    };
    // an empty patch changes nothing (and an UPDATE without a column would be refused by the driver)
    if (Object.keys(values).length === 0) return;
    await updateCatalogEntry(tx, kind, code, values);
    const after = { ...before, ...values };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordAudit(tx, { scope: null, actor, action: `catalog.${kind}.updated`, entityType: `catalog_${kind.replace('-', '_')}`, entityId: catalogEntityId(kind, code), before: { code, ...before }, after: { code, ...after } });
    }
  });
};

const priceProblem = (rule: string, params?: Record<string, number>) => new AppError('CATALOG.PRICE_INVALID', { fieldErrors: [{ field: 'effectiveFrom', rule, params }] });

/**
 * A monthly price from a day on. Today: the list price changes in the same transaction. Later: it
 * waits for the daily job (catalog.apply-prices). Earlier: refused, so that what was billed stays
 * true. A price planned for a day not yet begun may be replaced; one that has begun may not.
 */
export const addPrice = async ({ db, clock }: Pick<Deps, 'db' | 'clock'>, actor: AccountActor, input: PriceInput) => {
  const today = brusselsDay(clock.now());
  const timing = priceTiming(input.effectiveFrom, today);
  if (timing === 'past') throw priceProblem('price_in_past');
  if (tooFarAhead(input.effectiveFrom, today)) throw priceProblem('price_too_far', { maximum: MAX_PRICE_YEARS_AHEAD });
  try {
    return await db.transaction(async (tx) => {
      const item = await lockItem(tx, input.itemKind, input.itemCode);
      if (!item) throw new AppError('CATALOG.ITEM_NOT_FOUND', { fieldErrors: [{ field: 'itemCode', rule: 'not_found' }] });
      const existing = await findPriceOn(tx, input.itemKind, input.itemCode, input.effectiveFrom);
      if (existing && !canWithdraw(existing.effectiveFrom, today)) throw new AppError('CATALOG.PRICE_EXISTS', { fieldErrors: [{ field: 'effectiveFrom', rule: 'taken' }] });
      const row = existing
        ? await updatePlannedPrice(tx, existing.id, { monthlyPriceCents: input.monthlyPriceCents, createdByAccountId: actor.accountId })
        : await insertPrice(tx, { ...input, createdByAccountId: actor.accountId });
      if (appliesAtOnce(timing)) await setListPrice(tx, input.itemKind, input.itemCode, input.monthlyPriceCents);
      await recordAudit(tx, {
        scope: null,
        actor,
        action: existing ? 'catalog.price.replaced' : 'catalog.price.added',
        entityType: `catalog_${input.itemKind}`,
        entityId: catalogEntityId(input.itemKind === 'bundle' ? 'bundles' : 'options', input.itemCode),
        before: existing ? { code: input.itemCode, monthlyPriceCents: existing.monthlyPriceCents, effectiveFrom: existing.effectiveFrom } : { code: input.itemCode, monthlyPriceCents: item.cents },
        after: { code: input.itemCode, monthlyPriceCents: row.monthlyPriceCents, effectiveFrom: row.effectiveFrom },
      });
      return { id: row.id, appliedNow: appliesAtOnce(timing) };
    });
  } catch (err) {
    // two staff members adding a price for the same item and day at once
    if (isUniqueViolation(err, 'catalog_prices_item_from_uq')) throw new AppError('CATALOG.PRICE_EXISTS', { fieldErrors: [{ field: 'effectiveFrom', rule: 'taken' }] });
    throw err;
  }
};

/** Withdraws a price planned for a later day; a price that has taken effect is history and stays. */
export const withdrawPrice = async ({ db, clock }: Pick<Deps, 'db' | 'clock'>, actor: AccountActor, id: string) => {
  const today = brusselsDay(clock.now());
  await db.transaction(async (tx) => {
    const price = await findPrice(tx, id);
    if (!price) throw new AppError('CATALOG.PRICE_NOT_FOUND');
    if (!canWithdraw(price.effectiveFrom, today)) throw new AppError('CATALOG.PRICE_IN_EFFECT');
    await deletePrice(tx, id);
    await recordAudit(tx, {
      scope: null,
      actor,
      action: 'catalog.price.withdrawn',
      entityType: `catalog_${price.itemKind}`,
      entityId: catalogEntityId(price.itemKind === 'bundle' ? 'bundles' : 'options', price.itemCode),
      before: { code: price.itemCode, monthlyPriceCents: price.monthlyPriceCents, effectiveFrom: price.effectiveFrom },
      after: null,
    });
  });
};

/**
 * The daily job: every list price becomes the dated price in effect on `today`, so the column that
 * the wizard reads always matches the price list. Idempotent; changes only what differs.
 */
export const applyPricesInEffect = async (db: Db, today: string) =>
  db.transaction(async (tx) => {
    const items = await allListPrices(tx);
    const dated = await pricesOn(tx, items.map((i) => ({ kind: i.kind, code: i.code })), today);
    let changed = 0;
    for (const item of items) {
      const cents = dated.get(priceKey(item.kind, item.code));
      if (cents === undefined || cents === item.cents) continue;
      await setListPrice(tx, item.kind, item.code, cents);
      changed++;
    }
    return { today, changed };
  });

/** An item's prices, latest first: the first one that has started is in effect, later ones are planned. */
export const priceHistoryOf = async (db: Db, kind: ItemKind, code: string, today: string) => {
  if (!(await itemExists(db, kind, code))) throw new AppError('CATALOG.ITEM_NOT_FOUND');
  const rows = await priceHistory(db, kind, code);
  const current = rows.find((r) => priceTiming(r.price.effectiveFrom, today) !== 'future');
  return {
    today,
    items: rows.map((r) => ({
      id: r.price.id,
      monthlyPriceCents: r.price.monthlyPriceCents,
      effectiveFrom: r.price.effectiveFrom,
      status: r === current ? ('current' as const) : priceTiming(r.price.effectiveFrom, today) === 'future' ? ('planned' as const) : ('past' as const),
      createdAt: r.price.createdAt.toISOString(),
      createdByName: r.createdByName,
    })),
  };
};
