/**
 * Chargeback: a month's bill split by the cost centre of each line's user. Nothing is priced here:
 * the lines are the next bill's (recurring charges, changed-service lines, out-of-bundle charges),
 * so the centres always add up to the bill. A cost centre is compared as written, apart from spaces
 * around it; users without one form their own group, listed last.
 */
type Amount = { serviceId: string; amountCents: number };
export type BillUser = { mobileUserId: string; recurring: Amount[]; changes: Amount[]; outOfBundle: Amount[] };

export type CentreTotals = {
  costCentre: string | null;
  users: number;
  lines: number;
  recurringCents: number;
  changesCents: number;
  outOfBundleCents: number;
  totalCents: number;
};

const sum = (amounts: Amount[]) => amounts.reduce((s, a) => s + a.amountCents, 0);

export const chargebackByCentre = (users: readonly BillUser[], costCentreOf: (mobileUserId: string) => string | null): CentreTotals[] => {
  const centres = new Map<string | null, CentreTotals & { services: Set<string> }>();
  for (const u of users) {
    const key = costCentreOf(u.mobileUserId)?.trim() || null;
    let c = centres.get(key);
    if (!c) centres.set(key, (c = { costCentre: key, users: 0, lines: 0, recurringCents: 0, changesCents: 0, outOfBundleCents: 0, totalCents: 0, services: new Set() }));
    c.users += 1;
    for (const a of [...u.recurring, ...u.changes, ...u.outOfBundle]) c.services.add(a.serviceId);
    c.recurringCents += sum(u.recurring);
    c.changesCents += sum(u.changes);
    c.outOfBundleCents += sum(u.outOfBundle);
  }
  return [...centres.values()]
    .map(({ services, ...c }) => ({ ...c, lines: services.size, totalCents: c.recurringCents + c.changesCents + c.outOfBundleCents }))
    .sort((a, b) => (a.costCentre === null ? 1 : b.costCentre === null ? -1 : a.costCentre.localeCompare(b.costCentre, 'en', { numeric: true })));
};
