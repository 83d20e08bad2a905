import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargebackByCentre, type BillUser } from './chargeback.js';

const user = (id: string, recurring: number[], changes: number[] = [], outOfBundle: number[] = []): BillUser => ({
  mobileUserId: id,
  recurring: recurring.map((amountCents, i) => ({ serviceId: `${id}-s${i}`, amountCents })),
  changes: changes.map((amountCents, i) => ({ serviceId: `${id}-s${i}`, amountCents })),
  outOfBundle: outOfBundle.map((amountCents, i) => ({ serviceId: `${id}-s${i}`, amountCents })),
});

describe('chargeback by cost centre', () => {
  it('sums each centre’s recurring, pro-rata and out-of-bundle amounts, users without a centre last', () => {
    const centres = { a: 'CC-10', b: 'CC-2', c: null, d: ' CC-2 ' } as Record<string, string | null>;
    const result = chargebackByCentre([user('a', [2200], [-500]), user('b', [1250], [], [340]), user('c', [3500]), user('d', [1250, 900])], (id) => centres[id] ?? null);
    expect(result).toEqual([
      { costCentre: 'CC-2', users: 2, lines: 3, recurringCents: 3400, changesCents: 0, outOfBundleCents: 340, totalCents: 3740 },
      { costCentre: 'CC-10', users: 1, lines: 1, recurringCents: 2200, changesCents: -500, outOfBundleCents: 0, totalCents: 1700 },
      { costCentre: null, users: 1, lines: 1, recurringCents: 3500, changesCents: 0, outOfBundleCents: 0, totalCents: 3500 },
    ]);
  });

  it('always adds up to the bill, however users are spread over centres', () => {
    const amounts = fc.array(fc.integer({ min: -50_000, max: 50_000 }), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(amounts, amounts, amounts, fc.constantFrom('A', 'B', '', null)), { maxLength: 12 }), (rows) => {
        const users = rows.map(([r, c, o], i) => user(`u${i}`, r, c, o));
        const result = chargebackByCentre(users, (id) => rows[Number(id.slice(1))]![3]);
        const all = users.flatMap((u) => [...u.recurring, ...u.changes, ...u.outOfBundle]).reduce((s, a) => s + a.amountCents, 0);
        expect(result.reduce((s, c) => s + c.totalCents, 0)).toBe(all);
        expect(result.reduce((s, c) => s + c.users, 0)).toBe(users.length);
        expect(new Set(result.map((c) => c.costCentre)).size).toBe(result.length);
      }),
    );
  });
});
