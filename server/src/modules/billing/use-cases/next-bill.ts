import type { Queryable } from '../../../platform/db.js';
import { brusselsMidnight, firstDayOfMonth, lastDayOfMonth } from '../../../platform/calendar.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { outOfBundleCharges } from '../../usage/index.js';
import { firstChangesFrom, linesOfMonth, servicesBilledFrom } from '../billing.repository.js';
import { namer, pricedSelections } from './billing-lines.js';
import type { NextBill } from '../billing.schemas.js';

/**
 * The bill of a month as it stands: the full monthly price of every service that was active when the
 * month began (with the bundle and options it had then, at that day's prices), plus every
 * changed-service line of the month (new, changed and deleted services, pro rata by days), plus
 * each line's out-of-bundle charges of the month as the network rated them (one line per service,
 * as the operator's bill shows them; in the current month, what was loaded so far).
 */
export const nextBill = async (q: Queryable, scope: CompanyScope, month: string, lang: Lang): Promise<NextBill> => {
  const first = firstDayOfMonth(month);
  const billed = await servicesBilledFrom(q, scope, brusselsMidnight(first));
  const heldThen = await firstChangesFrom(q, scope, first);
  const lines = await linesOfMonth(q, scope, first);
  const usage = await outOfBundleCharges(q, scope, month);

  const priced = await pricedSelections(
    q,
    billed.map((s) => heldThen.get(s.id) ?? { bundleCode: s.bundleCode, optionCodes: s.optionCodes, suspended: s.suspended }),
    first,
  );
  const recurring = billed.map((s, i) => ({ s, items: priced[i]! }));
  const name = await namer(q, [...recurring.flatMap((r) => r.items), ...lines], lang);

  type User = NextBill['users'][number];
  const users = new Map<string, User>();
  const userOf = (id: string, userName: string) => {
    let u = users.get(id);
    if (!u) users.set(id, (u = { mobileUserId: id, userName, recurring: [], changes: [], outOfBundle: [], totalCents: 0 }));
    return u;
  };
  for (const { s, items } of recurring) {
    const u = userOf(s.mobileUserId, s.userName);
    u.recurring.push({
      serviceId: s.id,
      msisdn: s.msisdn,
      description: items.map((i) => name(i.itemKind, i.itemCode)).join(' + '),
      amountCents: items.reduce((sum, i) => sum + i.monthlyPriceCents, 0),
    });
  }
  for (const l of lines) {
    userOf(l.mobileUserId, l.userName).changes.push({
      serviceId: l.serviceId,
      msisdn: l.msisdn,
      occurredOn: l.occurredOn,
      reason: l.reason,
      code: l.itemCode,
      name: name(l.itemKind, l.itemCode),
      kind: l.kind,
      days: l.days,
      daysInMonth: l.daysInMonth,
      amountCents: l.amountCents,
    });
  }
  for (const l of usage) userOf(l.mobileUserId, l.userName).outOfBundle.push({ serviceId: l.serviceId, msisdn: l.msisdn, amountCents: l.amountCents });
  let recurringTotalCents = 0;
  let changesTotalCents = 0;
  let outOfBundleTotalCents = 0;
  for (const u of users.values()) {
    const r = u.recurring.reduce((s, x) => s + x.amountCents, 0);
    const c = u.changes.reduce((s, x) => s + x.amountCents, 0);
    const o = u.outOfBundle.reduce((s, x) => s + x.amountCents, 0);
    u.totalCents = r + c + o;
    recurringTotalCents += r;
    changesTotalCents += c;
    outOfBundleTotalCents += o;
  }
  const list = [...users.values()].sort((a, b) => a.userName.localeCompare(b.userName) || a.mobileUserId.localeCompare(b.mobileUserId));
  return { month, periodStartsOn: first, periodEndsOn: lastDayOfMonth(month), users: list, recurringTotalCents, changesTotalCents, outOfBundleTotalCents, totalCents: recurringTotalCents + changesTotalCents + outOfBundleTotalCents };
};
