import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { costCentresOfUsers } from '../billing.repository.js';
import type { Chargeback } from '../billing.schemas.js';
import { chargebackByCentre } from '../domain/chargeback.js';
import { nextBill } from './next-bill.js';

/** A month's chargeback: the next bill of the month (the one computation of what is charged), split by cost centre. */
export const chargeback = async (q: Queryable, scope: CompanyScope, month: string, lang: Lang): Promise<Chargeback> => {
  const [bill, centres] = await Promise.all([nextBill(q, scope, month, lang), costCentresOfUsers(q, scope)]);
  return {
    month,
    centres: chargebackByCentre(bill.users, (id) => centres.get(id) ?? null),
    recurringTotalCents: bill.recurringTotalCents,
    changesTotalCents: bill.changesTotalCents,
    outOfBundleTotalCents: bill.outOfBundleTotalCents,
    totalCents: bill.totalCents,
  };
};
