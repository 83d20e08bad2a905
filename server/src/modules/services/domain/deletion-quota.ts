/**
 * The 30 % rule: within the current contract period an administrator may delete services up to 30 %
 * of the contract's contracted number of services, rounded down. Past that, deletes go through the
 * account manager (a Delete request).
 */
export const DELETION_SHARE_PERCENT = 30;

/** How many deletions the contract allows in its period: floor(30 % of contracted), in whole numbers. */
export const deletionLimit = (contractedServices: number) => Math.floor((Math.max(0, contractedServices) * DELETION_SHARE_PERCENT) / 100);

export type QuotaVerdict = { allowed: boolean; limit: number; used: number; remaining: number };

/** May `requested` more services be deleted, with `used` already deleted in this contract period? */
export const checkDeletionQuota = (contractedServices: number, used: number, requested = 1): QuotaVerdict => {
  const limit = deletionLimit(contractedServices);
  const remaining = Math.max(0, limit - used);
  return { allowed: requested <= remaining, limit, used, remaining };
};

/** Whether a day (YYYY-MM-DD) falls in the contract period, both ends included. */
export const inContractPeriod = (day: string, startsOn: string, endsOn: string) => day >= startsOn && day <= endsOn;
