import type { UsageBand } from '../../shared/api/contract';

// How usage reads on screen: data in GB with one decimal from 1 GB on (MB below), and one colour
// per band wherever a band shows (bars, badges, the band tiles).

export const BAND_COLOR: Record<UsageBand, string> = { under: 'teal', near: 'orange', over: 'red' };

/** Megabytes as people read them: "750 MB", "3.2 GB" (in the reader's number format). */
export const dataAmount = (mb: number, number: (value: number) => string): string => (mb < 1024 ? `${number(mb)} MB` : `${number(gigabytes(mb))} GB`);

/** Megabytes as gigabytes with one decimal (the charts' unit). */
export const gigabytes = (mb: number): number => Math.round((mb / 1024) * 10) / 10;

/** The share of a bar to fill: the used part of the allowance, at most the whole bar. */
export const barValue = (used: number, allowance: number | null): number => (allowance && allowance > 0 ? Math.min(100, (used * 100) / allowance) : 0);
