import { iccidProblem, normalizeIccid } from './iccid.js';
import { checkBelgianFixed, checkBelgianMobile, type NumberCheck } from './phone-numbers.js';

/**
 * What operator staff may load into stock, one item at a time: a SIM card or eSIM profile of a
 * company, a fixed number of a company, a mobile number of the operator's pool. The same rules
 * judge the "Add" form and every row of a CSV file, so both give the same rule codes.
 */
export type RowIssue = { field: string; rule: string; params?: Record<string, string | number> };
export type RowCheck<T> = { ok: true; value: T } | { ok: false; issues: RowIssue[] };
/** An item as typed: text per field, any of it possibly missing. */
export type RawItem = Readonly<Record<string, string | null | undefined>>;

export const SIM_KINDS = ['physical', 'esim'] as const;
export type SimKind = (typeof SIM_KINDS)[number];

export type SimCardItem = {
  kind: SimKind;
  iccid: string;
  pin: string | null;
  puk: string | null;
  smdpAddress: string | null;
  matchingId: string | null;
};
export type FixedNumberItem = { number: string };
export type PoolNumberItem = { msisdn: string };

export const MATCHING_ID_MAX = 64;
const PIN = /^\d{4,8}$/;
const PUK = /^\d{8}$/;
const MATCHING_ID = new RegExp(`^[A-Z0-9-]{1,${MATCHING_ID_MAX}}$`);
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const present = (value: string | null | undefined) => {
  const trimmed = (value ?? '').trim();
  return trimmed ? trimmed : null;
};

/** A fully qualified host name (an SM-DP+ address): dotted labels, not an IP address. */
export const isHostName = (value: string) => {
  const labels = value.toLowerCase().split('.');
  return value.length <= 253 && labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
};

/** The SGP.22 activation code an eSIM profile is installed with (the text of its QR code). */
export const activationCode = (smdpAddress: string, matchingId: string) => `LPA:1$${smdpAddress}$${matchingId}`;

export const checkSimCard = (raw: RawItem): RowCheck<SimCardItem> => {
  const issues: RowIssue[] = [];
  const kindText = present(raw.kind)?.toLowerCase() ?? null;
  const kind = SIM_KINDS.find((k) => k === kindText) ?? null;
  if (!kindText) issues.push({ field: 'kind', rule: 'required' });
  else if (!kind) issues.push({ field: 'kind', rule: 'sim_kind' });

  const iccid = normalizeIccid(raw.iccid ?? '');
  const iccidRule = iccidProblem(iccid);
  if (iccidRule) issues.push({ field: 'iccid', rule: iccidRule });

  const pin = present(raw.pin);
  if (pin && !PIN.test(pin)) issues.push({ field: 'pin', rule: 'pin_format' });
  const puk = present(raw.puk);
  if (puk && !PUK.test(puk)) issues.push({ field: 'puk', rule: 'puk_format' });

  // Only an eSIM profile is downloaded from an SM-DP+ server; a physical card has no such address.
  const smdpAddress = present(raw.smdpAddress)?.toLowerCase() ?? null;
  const matchingId = present(raw.matchingId);
  if (kind === 'physical') {
    if (smdpAddress) issues.push({ field: 'smdpAddress', rule: 'esim_only' });
    if (matchingId) issues.push({ field: 'matchingId', rule: 'esim_only' });
  } else {
    if (kind === 'esim' && !smdpAddress) issues.push({ field: 'smdpAddress', rule: 'required' });
    else if (smdpAddress && !isHostName(smdpAddress)) issues.push({ field: 'smdpAddress', rule: 'host_name' });
    if (kind === 'esim' && !matchingId) issues.push({ field: 'matchingId', rule: 'required' });
    else if (matchingId && !MATCHING_ID.test(matchingId)) issues.push({ field: 'matchingId', rule: 'matching_id_format', params: { maximum: MATCHING_ID_MAX } });
  }

  if (issues.length > 0 || !kind) return { ok: false, issues };
  return { ok: true, value: { kind, iccid, pin, puk, smdpAddress, matchingId } };
};

const checkNumber = <F extends string>(field: F, check: (input: string) => NumberCheck) => (raw: RawItem): RowCheck<Record<F, string>> => {
  const result = check(raw[field] ?? '');
  if (!result.ok) return { ok: false, issues: [{ field, rule: result.rule }] };
  return { ok: true, value: { [field]: result.e164 } as Record<F, string> };
};

/** A company's fixed number: Belgian geographic only, stored E.164. */
export const checkFixedNumber: (raw: RawItem) => RowCheck<FixedNumberItem> = checkNumber('number', checkBelgianFixed);
/** A number of the operator's pool: Belgian mobile only, stored E.164. */
export const checkPoolNumber: (raw: RawItem) => RowCheck<PoolNumberItem> = checkNumber('msisdn', checkBelgianMobile);

/** One kind of stock: its CSV columns, its rules, and the field that must be unique. */
export type StockColumn = { name: string; field: string; required: boolean };
export type StockSpec<T> = {
  columns: readonly StockColumn[];
  check: (raw: RawItem) => RowCheck<T>;
  keyField: string;
  /** The unique value of an item (normalized), or null when that field itself is wrong. */
  keyOf: (raw: RawItem) => string | null;
};

const keyFrom = <T>(check: (raw: RawItem) => RowCheck<T>, pick: (value: T) => string) => (raw: RawItem) => {
  const result = check(raw);
  return result.ok ? pick(result.value) : null;
};

export const SIM_CARD_STOCK: StockSpec<SimCardItem> = {
  columns: [
    { name: 'kind', field: 'kind', required: true },
    { name: 'iccid', field: 'iccid', required: true },
    { name: 'pin', field: 'pin', required: false },
    { name: 'puk', field: 'puk', required: false },
    { name: 'smdp_address', field: 'smdpAddress', required: false },
    { name: 'matching_id', field: 'matchingId', required: false },
  ],
  check: checkSimCard,
  keyField: 'iccid',
  // the ICCID is the key even when another field of the row is wrong
  keyOf: (raw) => {
    const iccid = normalizeIccid(raw.iccid ?? '');
    return iccidProblem(iccid) ? null : iccid;
  },
};

export const FIXED_NUMBER_STOCK: StockSpec<FixedNumberItem> = {
  columns: [{ name: 'number', field: 'number', required: true }],
  check: checkFixedNumber,
  keyField: 'number',
  keyOf: keyFrom(checkFixedNumber, (v) => v.number),
};

export const POOL_NUMBER_STOCK: StockSpec<PoolNumberItem> = {
  columns: [{ name: 'msisdn', field: 'msisdn', required: true }],
  check: checkPoolNumber,
  keyField: 'msisdn',
  keyOf: keyFrom(checkPoolNumber, (v) => v.msisdn),
};
