import { isMonth, isMonthInRange, MONTH_RANGE } from '../../platform/calendar.js';
import { PageQuerySchema, text, z } from '../../platform/validation.js';
import { BANDS } from './domain/bands.js';

const MonthSchema = z
  .string()
  .refine(isMonth, { message: 'invalid_format', abort: true })
  .refine(isMonthInRange, { message: 'month_range', params: { minimum: MONTH_RANGE.first, maximum: MONTH_RANGE.last } });

export const BandSchema = z.enum(BANDS);

export const ServiceUsageQuerySchema = z.object({ month: MonthSchema.optional() });

/** The Usage page's filters: a month (default this one), a band, roaming lines only, a name or number; and the page of lines. */
export const UsageQuerySchema = PageQuerySchema.extend({
  month: MonthSchema.optional(),
  band: BandSchema.optional(),
  roaming: z.enum(['true', 'false']).optional(),
  q: text().max(200).optional(),
});
export type UsageQuery = z.infer<typeof UsageQuerySchema>;

/** One line's month: what it used against what its bundle holds (pro rata when the bundle changed or the line started in the month). */
export const LineUsageSchema = z.object({
  serviceId: z.uuid(),
  msisdn: z.string().nullable(),
  mobileUserId: z.uuid(),
  userName: z.string(),
  bundleCode: z.string(),
  bundleName: z.string(),
  dataMb: z.number().int(),
  dataAllowanceMb: z.number().int().nullable(),
  dataSharePct: z.number().int().nullable(),
  band: BandSchema.nullable(),
  voiceMin: z.number().int(),
  voiceAllowanceMin: z.number().int().nullable().describe('null: unlimited'),
  internationalMin: z.number().int(),
  sms: z.number().int(),
  roamingDays: z.number().int(),
  roamingDataMb: z.number().int(),
  outOfBundleCents: z.number().int(),
});
export type LineUsage = z.infer<typeof LineUsageSchema>;

const MonthFiguresSchema = z.object({ month: z.string(), dataMb: z.number().int(), voiceMin: z.number().int(), outOfBundleCents: z.number().int() });

export const ServiceUsageSchema = z.object({
  month: z.string(),
  line: LineUsageSchema.nullable().describe('null: no usage loaded for the month yet'),
  roamingZones: z.array(z.object({ zone: z.enum(['eu', 'world']), days: z.number().int(), dataMb: z.number().int() })),
  months: z.array(MonthFiguresSchema).describe('the last six months, oldest first'),
});
export type ServiceUsage = z.infer<typeof ServiceUsageSchema>;

export const SuggestionSchema = z.object({
  serviceId: z.uuid(),
  msisdn: z.string().nullable(),
  userName: z.string(),
  direction: z.enum(['larger', 'smaller']),
  fromBundle: z.object({ code: z.string(), name: z.string(), monthlyPriceCents: z.number().int() }),
  toBundle: z.object({ code: z.string(), name: z.string(), monthlyPriceCents: z.number().int() }),
  monthsDataMb: z.array(z.number().int()).describe('data used in each of the last three whole months, oldest first'),
  monthlyDifferenceCents: z.number().int().describe('what the new bundle costs a month more (negative: less)'),
  outOfBundleCents: z.number().int().describe('out-of-bundle charges of those three months'),
});

export const CompanyUsageSchema = z.object({
  month: z.string(),
  totals: z.object({ lines: z.number().int(), dataMb: z.number().int(), voiceMin: z.number().int(), sms: z.number().int(), roamingDataMb: z.number().int(), outOfBundleCents: z.number().int() }),
  days: z.array(z.object({ day: z.string(), dataMb: z.number().int(), voiceMin: z.number().int(), outOfBundleCents: z.number().int() })),
  bands: z.object({ under: z.number().int(), near: z.number().int(), over: z.number().int() }),
  topByData: z.array(LineUsageSchema),
  topByCost: z.array(LineUsageSchema),
  roamingLines: z.number().int(),
  lines: z.array(LineUsageSchema).describe('the page of the lines the filters select, highest share of the bundle first'),
  linesTotal: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  suggestions: z.array(SuggestionSchema),
});
export type CompanyUsage = z.infer<typeof CompanyUsageSchema>;
