import type { UsageBand } from '../../shared/api/contract';

// How usage reads on screen: data in GB with one decimal from 1 GB on (MB below), and one colour
// per band wherever a band shows (bars, badges, the band tiles).

export const BAND_COLOR: Record<UsageBand, string> = { under: 'teal', near: 'orange', over: 'red' };

/** The units of data in the reader's language: French writes "Mo" and "Go" (octet), English and Dutch "MB" and "GB". */
export const dataUnits = (locale: string): { mb: string; gb: string } => (locale.toLowerCase().startsWith('fr') ? { mb: 'Mo', gb: 'Go' } : { mb: 'MB', gb: 'GB' });

/** Megabytes as people read them: "750 MB", "3.2 GB", "3,2 Go" (in the reader's number format and units). */
export const dataAmount = (mb: number, format: { number: (value: number) => string; locale: string }): string => {
  const units = dataUnits(format.locale);
  return mb < 1024 ? `${format.number(mb)} ${units.mb}` : `${format.number(gigabytes(mb))} ${units.gb}`;
};

/** Megabytes as gigabytes with one decimal (the charts' unit). */
export const gigabytes = (mb: number): number => Math.round((mb / 1024) * 10) / 10;

/** The share of a bar to fill: the used part of the allowance, at most the whole bar. */
export const barValue = (used: number, allowance: number | null): number => (allowance && allowance > 0 ? Math.min(100, (used * 100) / allowance) : 0);
