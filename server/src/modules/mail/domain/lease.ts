// How long a worker owns an outbox row it claimed. It must outlast one SMTP attempt (the transport's
// timeouts below add up to less), so that a second worker only takes over from one that died.
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as const;
export const LEASE_SECONDS = 120;

/** Whether a failed attempt is the last one pg-boss will make (then the row is marked failed for good). */
export const isLastAttempt = (retryCount: number, retryLimit: number) => retryCount >= retryLimit;

/** One line for last_error: SMTP answers can be long and multi-line. */
export const errorLine = (err: unknown) => {
  const e = err as { message?: unknown; responseCode?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const code = typeof e?.responseCode === 'number' ? `${e.responseCode} ` : typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${message}`.replace(/\s+/g, ' ').trim().slice(0, 500);
};
