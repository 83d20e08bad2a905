import type { BarringKind } from './domain/barring.js';
import type { AccountType, RefusalReason } from './domain/porting-rules.js';

export { BARRING_KINDS, type BarringKind } from './domain/barring.js';

export { REFUSAL_REASONS, type AccountType, type RefusalReason } from './domain/porting-rules.js';

/**
 * What Fleetdesk asks of the operator's mobile network. The network works asynchronously: a
 * request is accepted with a `requestId`, and its outcome is read with `getRequest` until it is done
 * or refused. Every request carries an idempotency key: sending the same key again returns the
 * first call's answer and does nothing twice, so a durable job can retry after any failure,
 * including a timeout that left it unsure whether the first call arrived. A key names one request:
 * reusing it for a different one is a bug and throws `IdempotencyKeyReusedError`.
 */
export type NetworkGateway = {
  /** Puts a SIM card or eSIM profile in service on a number. */
  provisionSim(input: ProvisionSimInput): Promise<RequestReceipt>;
  /** Takes a SIM card or eSIM profile out of service (line ended, SIM replaced). Immediate. */
  releaseSim(input: ReleaseSimInput): Promise<void>;
  /** Asks the donor operator to hand over a number; the donor may refuse with a reason. */
  submitPortIn(input: PortInInput): Promise<RequestReceipt>;
  /** Moves a number between two services of one company (from one of our SIMs to another). */
  moveNumber(input: MoveNumberInput): Promise<RequestReceipt>;
  /** Stops all traffic of a line for a while (calls, SMS, data); the SIM and number stay its own. */
  suspendLine(input: LineInput): Promise<RequestReceipt>;
  /** Ends a suspension: the line works again. */
  resumeLine(input: LineInput): Promise<RequestReceipt>;
  /** Bars a lost or stolen line at once: nobody can call, text or use data with its SIM. */
  barLine(input: LineInput): Promise<RequestReceipt>;
  /** Lifts a bar: the phone was found, or a replacement SIM is live. */
  unbarLine(input: LineInput): Promise<RequestReceipt>;
  /** Bars (or lets again) one kind of traffic of a line: roaming, premium-rate numbers, international calls. The rest of its traffic goes on. */
  setBarring(input: BarringInput): Promise<RequestReceipt>;
  /** Puts a new SIM card or eSIM profile on a line's number; done once the new one is live. The old one keeps working until it is released. */
  swapSim(input: SwapSimInput): Promise<RequestReceipt>;
  /** Where a request stands; callers poll with backoff until `done` or `refused`. */
  getRequest(requestId: string): Promise<RequestStatus>;
  /** What the network holds for a number now: its live SIM, whether it is suspended or barred, whether it carries traffic. */
  lineStatus(msisdn: string): Promise<LineStatus>;
  /**
   * The rated usage of one Brussels day (YYYY-MM-DD): the operator's daily usage file, one record per
   * line that had traffic. A day's file is final once the day is over and never changes: asking again
   * returns the same `feedId` and the same records, so a loader can tell a file it already loaded.
   */
  usageFeed(day: string): Promise<UsageFeed>;
};

/** Roaming zones as the operator rates them: EU (roam like at home, inside the bundle) and the rest of the world (charged). */
export const ROAMING_ZONES = ['eu', 'world'] as const;
export type RoamingZone = (typeof ROAMING_ZONES)[number];

/** One line's rated usage of one day. Volumes in whole MB and minutes; charges in euro cents. */
export type UsageRecord = {
  msisdn: string;
  dataMb: number;
  voiceNationalMin: number;
  voiceInternationalMin: number;
  sms: number;
  /** Where the line roamed that day; null when it stayed home (the roaming figures are then 0). */
  roamingZone: RoamingZone | null;
  roamingDataMb: number;
  roamingVoiceMin: number;
  /** What the day cost beyond the bundle: data past the allowance, calls without minutes left, roaming outside the EU. */
  outOfBundleCents: number;
};

export type UsageFeed = { feedId: string; day: string; records: UsageRecord[] };

export type LineInput = { idempotencyKey: string; msisdn: string; iccid: string };
export type SwapSimInput = { idempotencyKey: string; msisdn: string; fromIccid: string; toIccid: string; kind: SimKind };
export type BarringInput = LineInput & { barring: BarringKind; barred: boolean };
/** `barrings`: the kinds of traffic barred on their own (setBarring), besides `barred`, a lost phone's bar of everything. */
export type LineStatus = { msisdn: string; iccid: string | null; suspended: boolean; barred: boolean; barrings: BarringKind[]; carriesTraffic: boolean };

export type SimKind = 'physical' | 'esim';

export type ProvisionSimInput = { idempotencyKey: string; msisdn: string; iccid: string; kind: SimKind };
export type ReleaseSimInput = { idempotencyKey: string; msisdn: string; iccid: string };
export type PortInInput = {
  idempotencyKey: string;
  msisdn: string;
  /** A code of services/domain/donor-operators.ts */
  donorOperator: string;
  accountType: AccountType;
  /** Postpaid: the customer number at the donor. */
  customerNumber?: string | undefined;
  /** Prepaid: the ICCID of the donor's SIM card. */
  donorSimNumber?: string | undefined;
  holderName: string;
};
export type MoveNumberInput = { idempotencyKey: string; msisdn: string; fromIccid?: string | undefined; toIccid?: string | undefined };

export type RequestReceipt = { requestId: string };

/** A refusal is the network's final answer; only a new request (with a new key) can change it. */
export type RequestStatus =
  | { status: 'pending' }
  | { status: 'done'; completedAt: Date }
  | { status: 'refused'; reason: RefusalReason; message: string };

export type GatewayErrorKind = 'unavailable' | 'timeout';

/**
 * The network could not answer: `unavailable` (the call did nothing) or `timeout` (the call may or
 * may not have taken effect). Both are transient: retry the same call with the same idempotency
 * key. Distinct from a refusal, which is an answer and is never retried.
 */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;

  constructor(kind: GatewayErrorKind, message: string, opts: { cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'GatewayError';
    this.kind = kind;
  }
}

/** An idempotency key sent again with a different request: a caller's bug, never retried. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A request id the network never issued: a caller's bug, never retried. */
export class UnknownRequestError extends Error {
  constructor(readonly requestId: string) {
    super(`no network request ${requestId}`);
    this.name = 'UnknownRequestError';
  }
}

/**
 * The errors this contract calls final: a caller's bug that the same call cannot get past however
 * often it is retried. A durable job stops at once on them instead of using up its retries.
 */
export const isFinalGatewayError = (err: unknown): boolean => err instanceof IdempotencyKeyReusedError || err instanceof UnknownRequestError;
