import { brusselsDay, firstDayOfMonth, lastDayOfMonth } from '../../../platform/calendar.js';
import type { Queryable } from '../../../platform/db.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { monthAllowances, type HeldChange } from '../domain/allowance.js';
import { bandOf, shareOf } from '../domain/bands.js';
import { lineSearch } from '../domain/line-search.js';
import { addMonths } from '../domain/months.js';
import { suggestBundle } from '../domain/suggestions.js';
import type { CompanyUsage, LineUsage, ServiceUsage, UsageQuery } from '../usage.schemas.js';
import { allBundles, changesFrom, companyDays, findService, linesOfMonth, linesOfThreeMonths, outOfBundleOfMonth, roamingZonesOfMonth, serviceMonths } from '../usage.repository.js';

type Bundles = Awaited<ReturnType<typeof allBundles>>;
type Row = Awaited<ReturnType<typeof linesOfMonth>>[number];

const byCode = (bundles: Bundles) => {
  const map = new Map(bundles.map((b) => [b.code, b]));
  return (code: string) => map.get(code) ?? { code, serviceTypeCode: '', name: { en: code, fr: code, nl: code }, dataGb: null, callMinutes: null, monthlyPriceCents: 0, active: false };
};

const groupChanges = (changes: Awaited<ReturnType<typeof changesFrom>>) => {
  const map = new Map<string, HeldChange[]>();
  for (const c of changes) map.set(c.serviceId, [...(map.get(c.serviceId) ?? []), c]);
  return map;
};

/** A line's month against its allowances. */
const lineUsage = (month: string, row: Row, changes: HeldChange[], bundle: ReturnType<typeof byCode>, lang: Lang): LineUsage => {
  const allowances = monthAllowances(month, { activatedOn: row.activatedAt ? brusselsDay(row.activatedAt) : null, bundleCode: row.bundleCode, optionCodes: row.optionCodes }, changes, bundle);
  const dataMb = row.dataMb + row.roamingDataMb;
  return {
    serviceId: row.serviceId,
    msisdn: row.msisdn,
    mobileUserId: row.mobileUserId,
    userName: row.userName,
    bundleCode: row.bundleCode,
    bundleName: localize(bundle(row.bundleCode).name, lang),
    dataMb,
    dataAllowanceMb: allowances.dataMb,
    dataSharePct: shareOf(dataMb, allowances.dataMb),
    band: bandOf(dataMb, allowances.dataMb),
    voiceMin: row.voiceNationalMin + row.roamingVoiceMin,
    voiceAllowanceMin: allowances.voiceMin,
    internationalMin: row.voiceInternationalMin,
    sms: row.sms,
    roamingDays: row.roamingDays,
    roamingDataMb: row.roamingDataMb,
    outOfBundleCents: row.outOfBundleCents,
  };
};

/** Every line of the company with usage in the month (or only the one `serviceId` names), measured against its bundle. */
export const usageLines = async (q: Queryable, scope: CompanyScope, month: string, lang: Lang, serviceId?: string): Promise<LineUsage[]> => {
  const first = firstDayOfMonth(month);
  const [rows, changes, bundles] = await Promise.all([linesOfMonth(q, scope, first, serviceId), changesFrom(q, scope, first, serviceId ? [serviceId] : undefined), allBundles(q)]);
  const bundle = byCode(bundles);
  const held = groupChanges(changes);
  return rows.map((r) => lineUsage(month, r, held.get(r.serviceId) ?? [], bundle, lang));
};

const TOP = 10;

/** The lines the filters select: a band, roaming or not, a name or number. */
const selected = (lines: LineUsage[], query: Pick<UsageQuery, 'band' | 'roaming' | 'q'>) => {
  const search = lineSearch(query.q);
  return lines.filter(
    (l) =>
      (query.band ? l.band === query.band : true) &&
      (query.roaming === 'true' ? l.roamingDays > 0 : query.roaming === 'false' ? l.roamingDays === 0 : true) &&
      search(l),
  );
};

/** The Usage page: the month's totals, days, bands, top lines, roaming, the filtered lines and the bundle suggestions. */
export const companyUsage = async (q: Queryable, scope: CompanyScope, month: string, query: UsageQuery, lang: Lang): Promise<CompanyUsage> => {
  const [lines, days, suggestions] = await Promise.all([
    usageLines(q, scope, month, lang),
    companyDays(q, scope, firstDayOfMonth(month), lastDayOfMonth(month)),
    bundleSuggestions(q, scope, month, lang),
  ]);
  const sum = (pick: (l: LineUsage) => number) => lines.reduce((n, l) => n + pick(l), 0);
  const bands = { under: 0, near: 0, over: 0 };
  for (const l of lines) if (l.band) bands[l.band] += 1;
  const top = (key: (l: LineUsage) => number) =>
    [...lines]
      .filter((l) => key(l) > 0)
      .sort((a, b) => key(b) - key(a) || a.serviceId.localeCompare(b.serviceId))
      .slice(0, TOP);
  const chosen = selected(lines, query).sort((a, b) => (b.dataSharePct ?? -1) - (a.dataSharePct ?? -1) || b.dataMb - a.dataMb || a.serviceId.localeCompare(b.serviceId));
  return {
    month,
    totals: { lines: lines.length, dataMb: sum((l) => l.dataMb), voiceMin: sum((l) => l.voiceMin + l.internationalMin), sms: sum((l) => l.sms), roamingDataMb: sum((l) => l.roamingDataMb), outOfBundleCents: sum((l) => l.outOfBundleCents) },
    days: days.map((d) => ({ day: d.day, dataMb: d.dataMb, voiceMin: d.voiceMin, outOfBundleCents: d.outOfBundleCents })),
    bands,
    topByData: top((l) => l.dataMb),
    topByCost: top((l) => l.outOfBundleCents),
    roamingLines: lines.filter((l) => l.roamingDays > 0).length,
    lines: chosen.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    linesTotal: chosen.length,
    page: query.page,
    pageSize: query.pageSize,
    suggestions,
  };
};

/** The lines the filters select, all of them (the CSV export). */
export const usageLinesSelected = async (q: Queryable, scope: CompanyScope, month: string, query: Pick<UsageQuery, 'band' | 'roaming' | 'q'>, lang: Lang) =>
  selected(await usageLines(q, scope, month, lang), query).sort((a, b) => (a.userName.localeCompare(b.userName) || (a.msisdn ?? '').localeCompare(b.msisdn ?? '')));

/**
 * Bundles clearly too small or too large for a line: measured on the three whole months before
 * `month`, against the bundle the line holds now (domain/suggestions.ts decides).
 */
export const bundleSuggestions = async (q: Queryable, scope: CompanyScope, month: string, lang: Lang): Promise<CompanyUsage['suggestions']> => {
  const [lines, bundles] = await Promise.all([linesOfThreeMonths(q, scope, firstDayOfMonth(addMonths(month, -3)), firstDayOfMonth(addMonths(month, -1))), allBundles(q)]);
  const bundle = byCode(bundles);
  const out: CompanyUsage['suggestions'] = [];
  for (const line of lines) {
    const used = line.monthsDataMb.map(Number);
    const now = bundle(line.bundleCode);
    const choice = suggestBundle(now, used, bundles.filter((b) => b.active && b.serviceTypeCode === now.serviceTypeCode));
    if (!choice) continue;
    const to = bundle(choice.code);
    out.push({
      serviceId: line.serviceId,
      msisdn: line.msisdn,
      userName: line.userName,
      direction: choice.direction,
      fromBundle: { code: now.code, name: localize(now.name, lang), monthlyPriceCents: now.monthlyPriceCents },
      toBundle: { code: to.code, name: localize(to.name, lang), monthlyPriceCents: to.monthlyPriceCents },
      monthsDataMb: used,
      monthlyDifferenceCents: to.monthlyPriceCents - now.monthlyPriceCents,
      outOfBundleCents: Number(line.outOfBundleCents),
    });
  }
  return out.sort((a, b) => a.userName.localeCompare(b.userName) || a.serviceId.localeCompare(b.serviceId));
};

/** A service's usage of a month (default: this one) and its last six months; null when the company has no such service. */
export const serviceUsage = async (q: Queryable, scope: CompanyScope, serviceId: string, month: string, lang: Lang): Promise<ServiceUsage | null> => {
  const service = await findService(q, scope, serviceId);
  if (!service) return null;
  const first = firstDayOfMonth(month);
  const [lines, zones, months] = await Promise.all([
    // the one line, not the company's every line
    usageLines(q, scope, month, lang, serviceId),
    roamingZonesOfMonth(q, scope, serviceId, first, lastDayOfMonth(month)),
    serviceMonths(q, scope, serviceId, firstDayOfMonth(addMonths(month, -5))),
  ]);
  return {
    month,
    line: lines.find((l) => l.serviceId === serviceId) ?? null,
    roamingZones: zones.flatMap((z) => (z.zone ? [{ zone: z.zone, days: Number(z.days), dataMb: Number(z.dataMb) }] : [])),
    months: months
      .filter((m) => m.month <= first)
      .reverse()
      .map((m) => ({ month: m.month.slice(0, 7), dataMb: m.dataMb + m.roamingDataMb, voiceMin: m.voiceNationalMin + m.voiceInternationalMin + m.roamingVoiceMin, outOfBundleCents: m.outOfBundleCents })),
  };
};

/** Out-of-bundle charges of a month by service, for the next bill. */
export const outOfBundleCharges = async (q: Queryable, scope: CompanyScope, month: string) => outOfBundleOfMonth(q, scope, firstDayOfMonth(month));
