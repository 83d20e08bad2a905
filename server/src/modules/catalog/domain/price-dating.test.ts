import { describe, expect, it } from 'vitest';
import { appliesAtOnce, canWithdraw, priceInEffect, priceTiming, tooFarAhead } from './price-dating.js';

describe('prices effective from a date', () => {
  it('tells past, today and future apart by calendar day', () => {
    expect(priceTiming('2030-03-31', '2030-04-01')).toBe('past');
    expect(priceTiming('2030-04-01', '2030-04-01')).toBe('today');
    expect(priceTiming('2030-04-02', '2030-04-01')).toBe('future');
    expect(appliesAtOnce('today')).toBe(true);
    expect(appliesAtOnce('future')).toBe(false);
  });

  it('picks the latest price that has started', () => {
    const rows = [
      { effectiveFrom: '2025-01-01', cents: 1000 },
      { effectiveFrom: '2030-06-01', cents: 1500 },
      { effectiveFrom: '2030-01-01', cents: 1200 },
    ];
    expect(priceInEffect(rows, '2024-12-31')).toBeNull();
    expect(priceInEffect(rows, '2025-01-01')?.cents).toBe(1000);
    expect(priceInEffect(rows, '2030-05-31')?.cents).toBe(1200);
    expect(priceInEffect(rows, '2030-06-01')?.cents).toBe(1500);
  });

  it('lets a planned price be withdrawn only before its day, and refuses far-off years', () => {
    expect(canWithdraw('2030-04-02', '2030-04-01')).toBe(true);
    expect(canWithdraw('2030-04-01', '2030-04-01')).toBe(false);
    expect(tooFarAhead('2035-04-01', '2030-04-01')).toBe(false);
    expect(tooFarAhead('2035-04-02', '2030-04-01')).toBe(true);
  });
});
