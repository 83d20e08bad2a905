import { randomInt } from 'node:crypto';
import type { Db, Queryable } from '../../platform/db.js';
import { normalizeIccid } from '../stock/domain/iccid.js';
import { checkBelgianMobile } from '../stock/domain/phone-numbers.js';
import { decideFault, type Fault, type FaultRates } from './domain/faults.js';
import { judgePortIn } from './domain/porting-rules.js';
import { randomForKey, seededRandom, type Random } from './domain/random.js';
import { canonicalPayload, type SimulatorOutcome, type SimulatorRequestKind } from './domain/simulator-request.js';
import { realDurationMs, scaleDuration, type SimulatedWork } from './domain/timings.js';
import {
  GatewayError,
  IdempotencyKeyReusedError,
  UnknownRequestError,
  type MoveNumberInput,
  type NetworkGateway,
  type PortInInput,
  type ProvisionSimInput,
  type BarringInput,
  type LineInput,
  type LineStatus,
  type ReleaseSimInput,
  type RequestReceipt,
  type SwapSimInput,
  type RequestStatus,
  type UsageFeed,
  type UsageRecord,
} from './network-gateway.js';
import { carriesTraffic, type LineStateEvent } from './domain/line-traffic.js';
import { barredDuring, barringsAfter, BARRING_KINDS, type BarringEvent, type BarringKind } from './domain/barring.js';
import { ratedLine, usageOfDay } from './domain/usage-generator.js';
import { findRequest, findRequestByKey, hasPortInPending, insertRequest, lineHistory, lineStateEvents, linesInService, lockDonorEntry, type SimulatorRequestRow } from './simulator.repository.js';
import { brusselsDay, brusselsMidnight, nextDay } from '../../platform/calendar.js';

export type SimulatorLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type NetworkSimulatorOptions = {
  /** Multiplies the real durations: 1 is real time, 0 answers at once. */
  timeScale: number;
  errorRate?: number | undefined;
  timeoutRate?: number | undefined;
  /** Replays delays and faults; drawn at random (and logged) when absent. */
  seed?: number | undefined;
  /**
   * Draws the lines' usage. Fixed by default, unlike the faults' seed: a day's usage file must be
   * the same after a restart, as a real operator's file is.
   */
  usageSeed?: number | undefined;
  /** The simulator's clock; tests move it instead of waiting. */
  now?: (() => Date) | undefined;
  log?: SimulatorLog | undefined;
};

/** A request's own fields, besides its key and number; undefined ones are left out. */
type Fields = Record<string, string | undefined>;
/** The network's answer and how long it takes, decided inside the transaction that records the request. */
type Decide = (tx: Queryable, now: Date, msisdn: string) => Promise<{ outcome: SimulatorOutcome; work: SimulatedWork }>;
type Submission = { kind: SimulatorRequestKind; idempotencyKey: string; msisdn: string; payload: Fields; decide: Decide };

const DONE: SimulatorOutcome = { status: 'done' };
const succeeds = (work: SimulatedWork): Decide => async () => ({ outcome: DONE, work });
const silent: SimulatorLog = { info: () => undefined, warn: () => undefined };
const DEFAULT_USAGE_SEED = 20_260_601;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A set_barring request's payload as an event (payloads keep strings only). */
const barringEventOf = (payload: Record<string, string>, at: Date): BarringEvent => ({
  barring: (BARRING_KINDS as readonly string[]).includes(payload.barring ?? '') ? (payload.barring as BarringKind) : 'roaming',
  barred: payload.barred === 'true',
  at,
});

/** Numbers arrive as E.164 from the services table; a looser form still finds the same register entry. */
const canonicalMsisdn = (input: string) => {
  const checked = checkBelgianMobile(input);
  return checked.ok ? checked.e164 : input.trim();
};

/**
 * A SIMULATED operator network — not a real one — for the demo and the tests, behind the same
 * NetworkGateway a real operator adapter would implement. It keeps everything in the database
 * (simulator_requests, simulator_donor_numbers), so a restart loses nothing and several portal
 * instances see one network. Each request's answer is decided when it arrives (port-ins against
 * the donor register) and revealed once its simulated duration has passed; faults are injected
 * by configuration, from a seeded generator so that a failing test fails the same way again.
 */
export class NetworkSimulator implements NetworkGateway {
  readonly seed: number;
  private readonly usageSeed: number;
  private readonly timeScale: number;
  private readonly rates: FaultRates;
  private readonly faults: Random;
  private readonly now: () => Date;
  private readonly log: SimulatorLog;

  constructor(
    private readonly db: Db,
    options: NetworkSimulatorOptions,
  ) {
    this.seed = options.seed ?? randomInt(0, 2 ** 32);
    this.usageSeed = options.usageSeed ?? DEFAULT_USAGE_SEED;
    this.timeScale = options.timeScale;
    this.rates = { errorRate: options.errorRate ?? 0, timeoutRate: options.timeoutRate ?? 0 };
    this.faults = seededRandom(this.seed);
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? silent;
    this.log.info({ seed: this.seed, timeScale: this.timeScale, ...this.rates }, 'network simulator: simulated operator network ready');
  }

  provisionSim(input: ProvisionSimInput): Promise<RequestReceipt> {
    const work = input.kind === 'esim' ? 'provision_esim' : 'provision_physical';
    return this.submit('provision_sim', input, { iccid: normalizeIccid(input.iccid), kind: input.kind }, succeeds(work));
  }

  async releaseSim(input: ReleaseSimInput): Promise<void> {
    await this.submit('release_sim', input, { iccid: normalizeIccid(input.iccid) }, succeeds('release_sim'));
  }

  submitPortIn(input: PortInInput): Promise<RequestReceipt> {
    const { donorOperator, accountType, customerNumber, donorSimNumber, holderName } = input;
    return this.submit('port_in', input, { donorOperator, accountType, customerNumber, donorSimNumber, holderName }, async (tx, now, msisdn) => {
      const entry = await lockDonorEntry(tx, msisdn);
      const pending = entry ? await hasPortInPending(tx, msisdn, now) : false;
      const verdict = judgePortIn(entry, input, pending);
      return verdict.accepted
        ? { outcome: DONE, work: 'port_in' }
        : { outcome: { status: 'refused', reason: verdict.reason, message: verdict.message }, work: 'port_in_refusal' };
    });
  }

  moveNumber(input: MoveNumberInput): Promise<RequestReceipt> {
    const iccid = (value: string | undefined) => (value === undefined ? undefined : normalizeIccid(value));
    return this.submit('move_number', input, { fromIccid: iccid(input.fromIccid), toIccid: iccid(input.toIccid) }, succeeds('move_number'));
  }

  suspendLine(input: LineInput): Promise<RequestReceipt> {
    return this.lineRequest('suspend_line', input);
  }

  resumeLine(input: LineInput): Promise<RequestReceipt> {
    return this.lineRequest('resume_line', input);
  }

  barLine(input: LineInput): Promise<RequestReceipt> {
    return this.lineRequest('bar_line', input);
  }

  unbarLine(input: LineInput): Promise<RequestReceipt> {
    return this.lineRequest('unbar_line', input);
  }

  setBarring(input: BarringInput): Promise<RequestReceipt> {
    return this.submit('set_barring', input, { iccid: normalizeIccid(input.iccid), barring: input.barring, barred: String(input.barred) }, succeeds('line_state'));
  }

  swapSim(input: SwapSimInput): Promise<RequestReceipt> {
    const fields = { fromIccid: normalizeIccid(input.fromIccid), toIccid: normalizeIccid(input.toIccid), kind: input.kind };
    return this.submit('swap_sim', input, fields, succeeds(input.kind === 'esim' ? 'swap_esim' : 'swap_physical'));
  }

  /**
   * The line as the simulated network sees it now, replayed from the requests it has done: the SIM
   * last provisioned or swapped in (unless released since), and the last word on suspension and bar.
   * A suspended or barred line carries no traffic.
   */
  async lineStatus(msisdn: string): Promise<LineStatus> {
    const number = canonicalMsisdn(msisdn);
    let iccid: string | null = null;
    let suspended = false;
    let barred = false;
    const barrings: BarringEvent[] = [];
    for (const r of await lineHistory(this.db, number, this.now())) {
      if (r.kind === 'set_barring') barrings.push(barringEventOf(r.payload, new Date(0)));
      if (r.kind === 'provision_sim') iccid = r.payload.iccid ?? null;
      else if (r.kind === 'swap_sim') iccid = r.payload.toIccid ?? null;
      else if (r.kind === 'release_sim' && r.payload.iccid === iccid) iccid = null;
      else if (r.kind === 'suspend_line' || r.kind === 'resume_line') suspended = r.kind === 'suspend_line';
      else if (r.kind === 'bar_line' || r.kind === 'unbar_line') barred = r.kind === 'bar_line';
      // a line live before the simulator kept requests (the demo's) is known by the SIM its requests name
      if (iccid === null && r.kind.endsWith('_line')) iccid = r.payload.iccid ?? null;
    }
    return { msisdn: number, iccid, suspended, barred, barrings: barringsAfter(barrings), carriesTraffic: iccid !== null && !suspended && !barred };
  }

  /**
   * The day's usage file, drawn for every line in service that day (domain/usage-generator.ts). A
   * line the network suspended or barred at any moment of a day has no usage that day. Only a day
   * that is over has a file. A line barred from roaming (or international calls) at any moment of a
   * day used none that day.
   */
  async usageFeed(day: string): Promise<UsageFeed> {
    const start = brusselsMidnight(day);
    const end = brusselsMidnight(nextDay(day));
    if (end > this.now()) throw new Error(`network simulator: the usage of ${day} is not final before the day is over`);
    const [lines, events] = await Promise.all([linesInService(this.db, start, end), lineStateEvents(this.db, end)]);
    const byNumber = new Map<string, LineStateEvent[]>();
    const barringsOf = new Map<string, BarringEvent[]>();
    for (const e of events) {
      if (e.kind === 'set_barring') {
        barringsOf.set(e.msisdn, [...(barringsOf.get(e.msisdn) ?? []), barringEventOf(e.payload, e.at)]);
        continue;
      }
      if (e.kind !== 'suspend_line' && e.kind !== 'resume_line' && e.kind !== 'bar_line' && e.kind !== 'unbar_line') continue;
      byNumber.set(e.msisdn, [...(byNumber.get(e.msisdn) ?? []), { kind: e.kind, at: e.at }]);
    }
    const records: UsageRecord[] = [];
    for (const line of lines) {
      if (line.msisdn === null) continue;
      const history = byNumber.get(line.msisdn) ?? [];
      // days before the line was live used nothing of the month's allowance
      const firstDay = line.activatedAt ? brusselsDay(line.activatedAt) : day;
      const carries = (d: string) => d >= firstDay && (history.length === 0 || carriesTraffic(history, brusselsMidnight(d), brusselsMidnight(nextDay(d))));
      const bars = barringsOf.get(line.msisdn) ?? [];
      const barredOn = (d: string) => {
        const [from, to] = [brusselsMidnight(d), brusselsMidnight(nextDay(d))];
        return { roaming: barredDuring(bars, 'roaming', from, to), international: barredDuring(bars, 'international', from, to) };
      };
      const record = usageOfDay(this.usageSeed, ratedLine(line.msisdn, line, line.optionCodes), day, carries, bars.length ? barredOn : undefined);
      if (record) records.push(record);
    }
    return { feedId: `usage-${day}`, day, records };
  }

  async getRequest(requestId: string): Promise<RequestStatus> {
    // Reading changes nothing: whether a timed-out read reached the network makes no difference.
    if (this.drawFault('get_request', requestId).kind === 'timeout') this.timeout('get_request', requestId, false);
    const row = UUID.test(requestId) ? await findRequest(this.db, requestId) : undefined;
    if (!row) throw new UnknownRequestError(requestId);
    if (this.now() < row.readyAt) return { status: 'pending' };
    const { outcome } = row;
    return outcome.status === 'done'
      ? { status: 'done', completedAt: row.readyAt }
      : { status: 'refused', reason: outcome.reason, message: outcome.message };
  }

  private lineRequest(kind: 'suspend_line' | 'resume_line' | 'bar_line' | 'unbar_line', input: LineInput) {
    return this.submit(kind, input, { iccid: normalizeIccid(input.iccid) }, succeeds('line_state'));
  }

  /**
   * A call that changes something. An injected "unavailable" does nothing; an injected timeout
   * throws either before or after recording the request, as a real one leaves the caller unsure.
   */
  private async submit(kind: SimulatorRequestKind, input: { idempotencyKey: string; msisdn: string }, fields: Fields, decide: Decide): Promise<RequestReceipt> {
    const fault = this.drawFault(kind, input.idempotencyKey);
    const msisdn = canonicalMsisdn(input.msisdn);
    const receipt = await this.record({ kind, idempotencyKey: input.idempotencyKey, msisdn, payload: { msisdn, ...fields }, decide });
    if (fault.kind === 'timeout') this.timeout(kind, input.idempotencyKey, true);
    return receipt;
  }

  /** This call's injected fault: throws those that strike before the call takes effect, returns the rest. */
  private drawFault(call: string, subject: string): Fault {
    const fault = decideFault(this.faults, this.rates);
    if (fault.kind === 'unavailable') {
      this.log.warn({ call, subject }, 'network simulator: injected fault, answering unavailable');
      throw new GatewayError('unavailable', `network simulator: ${call} refused, the simulated network is unavailable (injected fault)`);
    }
    if (fault.kind === 'timeout' && !fault.tookEffect) this.timeout(call, subject, false);
    return fault;
  }

  private timeout(call: string, subject: string, tookEffect: boolean): never {
    this.log.warn({ call, subject, tookEffect }, 'network simulator: injected fault, timing out');
    throw new GatewayError('timeout', `network simulator: ${call} timed out (injected fault)`);
  }

  /** Records the request once per idempotency key and answers with its id. */
  private async record(submission: Submission): Promise<RequestReceipt> {
    const { idempotencyKey, kind } = submission;
    const sent = canonicalPayload(submission.payload);
    const replay = (row: SimulatorRequestRow): RequestReceipt => {
      if (row.kind !== kind || canonicalPayload(row.payload) !== sent) throw new IdempotencyKeyReusedError(idempotencyKey);
      return { requestId: row.id };
    };
    const earlier = await findRequestByKey(this.db, idempotencyKey);
    if (earlier) return replay(earlier);

    return this.db.transaction(async (tx) => {
      const now = this.now();
      const { outcome, work } = await submission.decide(tx, now, submission.msisdn);
      // The duration comes from the seed and the key, not the call order: a retry cannot change it.
      const delayMs = scaleDuration(realDurationMs(work, randomForKey(this.seed, idempotencyKey)), this.timeScale);
      const readyAt = new Date(now.getTime() + delayMs);
      const payload = Object.fromEntries(Object.entries(submission.payload).filter((e): e is [string, string] => e[1] !== undefined));
      const id = await insertRequest(tx, { idempotencyKey, kind, msisdn: submission.msisdn, payload, outcome, readyAt });
      if (id) {
        this.log.info({ requestId: id, kind, msisdn: submission.msisdn, readyAt, outcome }, `network simulator: ${kind} received`);
        return { requestId: id };
      }
      // Another instance recorded the same key meanwhile: its request is the one.
      const winner = await findRequestByKey(tx, idempotencyKey);
      if (!winner) throw new Error(`network simulator: request ${idempotencyKey} vanished`);
      return replay(winner);
    });
  }
}
