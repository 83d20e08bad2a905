import { z } from '../../platform/validation.js';
import { BARRING_KINDS } from '../network/domain/barring.js';
import { ALERT_LIMITS, USAGE_ALERT_KINDS } from './domain/thresholds.js';

const spending = z.number().int().min(ALERT_LIMITS.spendingAlertCents.min).max(ALERT_LIMITS.spendingAlertCents.max);
const roamingCap = z.number().int().min(ALERT_LIMITS.roamingCapMb.min).max(ALERT_LIMITS.roamingCapMb.max);

/** A company's usage alerts: data at 80 % and 100 %, the spending alert (euro cents), the roaming data cap (MB). */
export const AlertSettingsSchema = z.strictObject({ dataAlerts: z.boolean(), spendingAlertCents: spending, roamingCapMb: roamingCap });

/** A line's own usage alerts; null takes the company's. */
export const LineAlertSettingsSchema = z.strictObject({ dataAlerts: z.boolean().nullable(), spendingAlertCents: spending.nullable(), roamingCapMb: roamingCap.nullable() });

export const BarringParamsSchema = z.object({ id: z.uuid(), kind: z.enum(BARRING_KINDS) });
export const BarringBodySchema = z.strictObject({ barred: z.boolean() });

export const UsageControlsSchema = z.object({
  month: z.string(),
  /** Whether the line's barrings can change now (a live line with its number). */
  canChange: z.boolean(),
  barrings: z.array(z.object({ kind: z.enum(BARRING_KINDS), barred: z.boolean(), pending: z.boolean() })),
  roamingBlock: z
    .object({ blocked: z.boolean(), capMb: z.number().int(), usedMb: z.number().int(), blockedAt: z.string(), liftedAt: z.string().nullable(), liftedBy: z.string().nullable() })
    .nullable(),
  alerts: z.array(z.object({ kind: z.enum(USAGE_ALERT_KINDS), used: z.number().int(), threshold: z.number().int(), at: z.string() })),
  settings: z.object({ company: AlertSettingsSchema, line: LineAlertSettingsSchema, effective: AlertSettingsSchema }),
});

export const EmployeeRoamingBlockSchema = z.object({ blocked: z.boolean(), capMb: z.number().int().nullable(), usedMb: z.number().int().nullable() });
