import { describe, expect, test } from 'vitest';
import { barValue, dataAmount } from './usage-format';

const en = (value: number) => new Intl.NumberFormat('en-BE').format(value);
const fr = (value: number) => new Intl.NumberFormat('fr-BE').format(value);

describe('usage on screen', () => {
  test('data reads in MB under a gigabyte and in GB with one decimal from it', () => {
    expect(dataAmount(0, en)).toBe('0 MB');
    expect(dataAmount(1023, en)).toBe('1.023 MB'); // Belgian English groups with a point
    expect(dataAmount(1024, en)).toBe('1 GB');
    expect(dataAmount(3277, en)).toBe('3,2 GB');
    expect(dataAmount(1024 * 1500, fr)).toBe('1\u202f500 GB');
  });
  test('a bar is filled by the share of the allowance, never past its end, empty without allowance', () => {
    expect(barValue(512, 1024)).toBe(50);
    expect(barValue(4096, 1024)).toBe(100);
    expect(barValue(10, null)).toBe(0);
    expect(barValue(10, 0)).toBe(0);
  });
});
