import { describe, expect, it } from 'vitest';
import { megabytes } from './usage-alert.js';

describe('data amounts in usage alerts', () => {
  it('French writes octets (Mo, Go); English and Dutch keep MB and GB', () => {
    expect(megabytes('fr', 750)).toBe('750 Mo');
    expect(megabytes('fr', 1700 * 1024)).toBe('1\u202f700 Go');
    expect(megabytes('fr', 2048 + 205)).toBe('2,2 Go');
    expect(megabytes('nl', 750)).toBe('750 MB');
    expect(megabytes('nl', 2048 + 205)).toBe('2,2 GB');
    expect(megabytes('en', 1023)).toMatch(/^1[.,]?023 MB$/);
    expect(megabytes('en', 1024)).toBe('1 GB');
  });
});
