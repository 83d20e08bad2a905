import { describe, expect, test } from 'vitest';
import { barValue, dataAmount, dataUnits } from './usage-format';

const reader = (locale: string) => ({ locale, number: (value: number) => new Intl.NumberFormat(locale).format(value) });
const en = reader('en-BE');
const fr = reader('fr-BE');
const nl = reader('nl-BE');

describe('usage on screen', () => {
  test('data reads in MB under a gigabyte and in GB with one decimal from it', () => {
    expect(dataAmount(0, en)).toBe('0 MB');
    expect(dataAmount(1023, en)).toBe('1.023 MB'); // Belgian English groups with a point
    expect(dataAmount(1024, en)).toBe('1 GB');
    expect(dataAmount(3277, en)).toBe('3,2 GB');
  });
  test('French writes octets (Mo, Go); Dutch and English keep MB and GB', () => {
    expect(dataAmount(750, fr)).toBe('750 Mo');
    expect(dataAmount(3277, fr)).toBe('3,2 Go');
    expect(dataAmount(1024 * 1500, fr)).toBe('1\u202f500 Go');
    expect(dataAmount(750, nl)).toBe('750 MB');
    expect(dataAmount(3277, nl)).toBe('3,2 GB');
    expect(dataUnits('fr-BE')).toEqual({ mb: 'Mo', gb: 'Go' });
    expect(dataUnits('nl-BE')).toEqual({ mb: 'MB', gb: 'GB' });
  });
  test('a bar is filled by the share of the allowance, never past its end, empty without allowance', () => {
    expect(barValue(512, 1024)).toBe(50);
    expect(barValue(4096, 1024)).toBe(100);
    expect(barValue(10, null)).toBe(0);
    expect(barValue(10, 0)).toBe(0);
  });
});
