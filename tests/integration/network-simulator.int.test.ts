import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideFault } from '../../server/src/modules/network/domain/faults.js';
import { randomForKey, seededRandom } from '../../server/src/modules/network/domain/random.js';
import { realDurationMs } from '../../server/src/modules/network/domain/timings.js';
import {
  GatewayError,
  IdempotencyKeyReusedError,
  NetworkSimulator,
  UnknownRequestError,
  seedDonorRegister,
  type NetworkSimulatorOptions,
  type PortInInput,
  type RequestStatus,
} from '../../server/src/modules/network/index.js';
import type { Database } from '../../server/src/platform/db.js';
import { openTestDatabase } from '../support/harness.js';
import { PATIENCE_MS } from '../support/wait.js';

// The simulated operator network against a real database: what the activation jobs will rely on
// (one request per idempotency key, answers revealed on time, the donor's rules, faults that a
// retry with the same key survives), on PGlite and on PostgreSQL.
describe(`network simulator (${process.env.TEST_DB})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  const SEED = 20_250_401;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    await seedDonorRegister(database.db);
  });
  afterAll(async () => drop?.());

  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
  const simulator = (options: Partial<NetworkSimulatorOptions> = {}) => new NetworkSimulator(database.db, { timeScale: 0, seed: SEED, ...options });
  const newKey = (label: string) => `${label}:${randomUUID()}`;
  const rowsFor = async (key: string) => (await q<{ n: number }>(`select count(*)::int as n from simulator_requests where idempotency_key = $1`, [key]))[0]!.n;
  const readyAtOf = async (requestId: string) => new Date((await q<{ ready_at: string | Date }>(`select ready_at from simulator_requests where id = $1`, [requestId]))[0]!.ready_at);
  /** A clock the test moves, starting now so that requests of other tests are not thrown into the future. */
  const testClock = () => {
    let t = Date.now();
    return { now: () => new Date(t), set: (d: Date) => void (t = d.getTime()), advance: (ms: number) => void (t += ms) };
  };
  const provision = (idempotencyKey: string, kind: 'physical' | 'esim' = 'physical') => ({ idempotencyKey, msisdn: '+32470200001', iccid: '8932 1000 0000 0000 018', kind });
  /** Calls until the network answers, as a job would (without the backoff). */
  const retried = async <T>(call: () => Promise<T>, onFault: (err: GatewayError) => void = () => undefined): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof GatewayError) || attempt > 100) throw err;
        onFault(err);
      }
    }
  };

  describe('idempotency', () => {
    it('answers the same key with the first request, once in the database', async () => {
      const network = simulator();
      const key = newKey('provision');
      const first = await network.provisionSim(provision(key));
      expect(await network.provisionSim(provision(key))).toEqual(first);
      // another instance, or this one after a restart: the same network
      expect(await simulator({ seed: 1 }).provisionSim(provision(key))).toEqual(first);
      expect(await rowsFor(key)).toBe(1);
      expect(await simulator({ seed: 2 }).getRequest(first.requestId)).toEqual(await network.getRequest(first.requestId));
    });

    it('holds for every call that changes something', async () => {
      const network = simulator();
      const release = { idempotencyKey: newKey('release'), msisdn: '+32470200001', iccid: '8932100000000000018' };
      await network.releaseSim(release);
      await network.releaseSim(release);
      expect(await rowsFor(release.idempotencyKey)).toBe(1);

      const move = { idempotencyKey: newKey('move'), msisdn: '+32470100001', fromIccid: '8932100000000000018', toIccid: '8932100000000000026' };
      expect(await network.moveNumber(move)).toEqual(await network.moveNumber(move));
      expect(await rowsFor(move.idempotencyKey)).toBe(1);

      const port: PortInInput = { idempotencyKey: newKey('port'), msisdn: '+32475654321', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '7654321', holderName: 'Brightwave Consulting SRL' };
      expect(await network.submitPortIn(port)).toEqual(await network.submitPortIn({ ...port, donorSimNumber: undefined }));
      expect(await rowsFor(port.idempotencyKey)).toBe(1);
    });

    it('takes concurrent calls with one key from several instances as one request', async () => {
      const key = newKey('race');
      const instances = [simulator({ seed: 1 }), simulator({ seed: 2 }), simulator({ seed: 3 })];
      const receipts = await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 3]!.provisionSim(provision(key, 'esim'))));
      expect(new Set(receipts.map((r) => r.requestId)).size).toBe(1);
      expect(await rowsFor(key)).toBe(1);
    });

    it('refuses a key reused for a different request, leaving the first one alone', async () => {
      const network = simulator();
      const key = newKey('reused');
      const { requestId } = await network.provisionSim(provision(key));
      await expect(network.provisionSim({ ...provision(key), msisdn: '+32470200002' })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(network.releaseSim(provision(key))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await q(`select id, msisdn from simulator_requests where idempotency_key = $1`, [key])).toEqual([{ id: requestId, msisdn: '+32470200001' }]);
    });

    it('knows only the requests it issued', async () => {
      await expect(simulator().getRequest(randomUUID())).rejects.toBeInstanceOf(UnknownRequestError);
      await expect(simulator().getRequest('not-a-request')).rejects.toBeInstanceOf(UnknownRequestError);
    });
  });

  describe('time', () => {
    it('answers at once at a time scale of 0', async () => {
      const network = simulator();
      for (const receipt of [
        await network.provisionSim(provision(newKey('p'))),
        await network.provisionSim(provision(newKey('e'), 'esim')),
        await network.moveNumber({ idempotencyKey: newKey('m'), msisdn: '+32470100002' }),
      ]) {
        expect(await network.getRequest(receipt.requestId)).toMatchObject({ status: 'done' });
      }
    });

    it('keeps a request pending until its simulated duration has passed, then done at that time', async () => {
      const clock = testClock();
      const start = clock.now();
      const network = simulator({ timeScale: 1, now: clock.now });
      const { requestId } = await network.provisionSim(provision(newKey('real-time')));
      const readyAt = await readyAtOf(requestId);
      // a physical SIM: typically an hour, never more than two days
      expect(readyAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(0.5 * HOUR);
      expect(readyAt.getTime() - start.getTime()).toBeLessThanOrEqual(48 * HOUR);
      expect(await network.getRequest(requestId)).toEqual({ status: 'pending' });
      clock.set(new Date(readyAt.getTime() - 1));
      expect(await network.getRequest(requestId)).toEqual({ status: 'pending' });
      clock.set(readyAt);
      expect(await network.getRequest(requestId)).toEqual({ status: 'done', completedAt: readyAt });
    });

    it('scales real durations, on the real clock', async () => {
      const key = newKey('scaled');
      // the duration follows from the seed and the key; scale it to about 400 ms
      const realMs = realDurationMs('move_number', randomForKey(SEED, key));
      const network = simulator({ timeScale: 400 / realMs });
      const before = Date.now();
      const { requestId } = await network.moveNumber({ idempotencyKey: key, msisdn: '+32470100003' });
      const after = Date.now();
      const readyAt = await readyAtOf(requestId);
      // timed from when the simulator took the request, which was between before and after (however busy the machine)
      expect(readyAt.getTime()).toBeGreaterThanOrEqual(before + 390);
      expect(readyAt.getTime()).toBeLessThanOrEqual(after + 410);
      const early = await network.getRequest(requestId);
      // asked before it is ready (as on an idle machine) it is pending; a busy machine may only ask later
      if (Date.now() < readyAt.getTime()) expect(early).toEqual({ status: 'pending' });
      let answer: RequestStatus = { status: 'pending' };
      await vi.waitFor(async () => {
        answer = await network.getRequest(requestId);
        expect(answer.status).toBe('done');
      }, { timeout: PATIENCE_MS, interval: 50 });
      expect(Date.now()).toBeGreaterThanOrEqual(readyAt.getTime());
      expect(answer).toEqual({ status: 'done', completedAt: readyAt });
    });

    it('gives one request the same duration whichever instance takes it', async () => {
      const key = newKey('same-duration');
      const clock = testClock();
      const { requestId } = await simulator({ timeScale: 1, now: clock.now }).submitPortIn({
        idempotencyKey: key,
        msisdn: '+32494123123',
        donorOperator: 'base',
        accountType: 'postpaid',
        customerNumber: 'B7731902',
        holderName: 'Acme Logistics NV',
      });
      expect((await readyAtOf(requestId)).getTime() - clock.now().getTime()).toBe(realDurationMs('port_in', randomForKey(SEED, key)));
    });
  });

  describe('port-ins against the donor register', () => {
    const acme: Omit<PortInInput, 'idempotencyKey'> = { msisdn: '+32475123456', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '1234567', holderName: 'Acme Logistics NV' };
    const lotte: Omit<PortInInput, 'idempotencyKey'> = { msisdn: '+32476112233', donorOperator: 'proximus', accountType: 'prepaid', donorSimNumber: '8932010700112233449', holderName: 'Lotte Janssens' };
    const answer = async (input: Omit<PortInInput, 'idempotencyKey'>) => {
      const network = simulator();
      return network.getRequest((await network.submitPortIn({ idempotencyKey: newKey('port'), ...input })).requestId);
    };

    it('accepts matching details, however they are typed', async () => {
      expect(await answer(acme)).toMatchObject({ status: 'done' });
      expect(await answer({ ...acme, msisdn: '0475 12 34 56', customerNumber: ' 123.45-67 ', holderName: 'Acme Logistics' })).toMatchObject({ status: 'done' });
      expect(await answer(lotte)).toMatchObject({ status: 'done' });
      expect(await answer({ ...lotte, donorSimNumber: '8932-0107-0011-2233-449' })).toMatchObject({ status: 'done' });
    });

    it('refuses with the reason', async () => {
      expect(await answer({ ...acme, msisdn: '+32470999999' })).toMatchObject({ status: 'refused', reason: 'number_unknown' });
      expect(await answer({ ...acme, customerNumber: '1234568' })).toMatchObject({ status: 'refused', reason: 'customer_number_mismatch' });
      expect(await answer({ ...acme, accountType: 'prepaid', customerNumber: undefined, donorSimNumber: '8932010700112233449' })).toMatchObject({
        status: 'refused',
        reason: 'customer_number_mismatch',
      });
      expect(await answer({ ...lotte, donorSimNumber: '8932010700112233456' })).toMatchObject({ status: 'refused', reason: 'sim_number_mismatch' });
      const refused = await answer({ ...acme, customerNumber: '7654321' });
      expect(refused).toEqual({ status: 'refused', reason: 'customer_number_mismatch', message: expect.any(String) });
    });

    it('refuses a second port of a number while the first is pending, and accepts one after', async () => {
      const clock = testClock();
      const network = simulator({ timeScale: 1, now: clock.now });
      const murphy = { msisdn: '+32479505050', donorOperator: 'proximus', accountType: 'postpaid' as const, customerNumber: '5551234', holderName: 'Daniel Murphy' };
      const first = await network.submitPortIn({ idempotencyKey: newKey('first'), ...murphy });
      const second = await network.submitPortIn({ idempotencyKey: newKey('second'), ...murphy });
      expect(await network.getRequest(first.requestId)).toEqual({ status: 'pending' });
      // the donor takes its time to refuse, too
      expect(await network.getRequest(second.requestId)).toEqual({ status: 'pending' });
      clock.advance(48 * HOUR);
      expect(await network.getRequest(first.requestId)).toMatchObject({ status: 'done' });
      expect(await network.getRequest(second.requestId)).toMatchObject({ status: 'refused', reason: 'port_already_pending' });
      const third = await network.submitPortIn({ idempotencyKey: newKey('third'), ...murphy });
      clock.advance(48 * HOUR);
      expect(await network.getRequest(third.requestId)).toMatchObject({ status: 'done' });
    });

    it('lets one of many concurrent port-ins of a number through, from several instances', async () => {
      const clock = testClock();
      const instances = [1, 2, 3, 4].map((seed) => simulator({ seed, timeScale: 1, now: clock.now }));
      const vermeulen = { msisdn: '+32478303030', donorOperator: 'proximus', accountType: 'postpaid' as const, customerNumber: 'BE-00451-22', holderName: 'Vermeulen & Zonen BV' };
      await Promise.all(Array.from({ length: 8 }, (_, i) => instances[i % 4]!.submitPortIn({ idempotencyKey: newKey(`concurrent-${i}`), ...vermeulen })));
      const outcomes = await q<{ status: string; reason: string | null }>(
        `select outcome->>'status' as status, outcome->>'reason' as reason from simulator_requests where msisdn = $1 order by 1`,
        [vermeulen.msisdn],
      );
      expect(outcomes).toEqual([{ status: 'done', reason: null }, ...Array(7).fill({ status: 'refused', reason: 'port_already_pending' })]);
    });
  });

  describe('injected faults', () => {
    it('an unavailable network does nothing', async () => {
      const key = newKey('unavailable');
      const call = simulator({ errorRate: 1 }).provisionSim(provision(key));
      await expect(call).rejects.toBeInstanceOf(GatewayError);
      await expect(simulator({ errorRate: 1 }).provisionSim(provision(key))).rejects.toMatchObject({ kind: 'unavailable' });
      expect(await rowsFor(key)).toBe(0);
    });

    it('at a 30% error rate, retrying with the same key until success yields exactly one request per key', async () => {
      const network = simulator({ errorRate: 0.3 });
      const keys = Array.from({ length: 40 }, (_, i) => newKey(`flaky-${i}`));
      let faults = 0;
      const receipts: { requestId: string }[] = [];
      for (const key of keys) {
        receipts.push(
          await retried(
            () => network.provisionSim(provision(key)),
            (err) => {
              expect(err.kind).toBe('unavailable');
              faults += 1;
            },
          ),
        );
        // polling goes through the same faults
        expect(await retried(() => network.getRequest(receipts.at(-1)!.requestId))).toMatchObject({ status: 'done' });
      }
      expect(faults).toBeGreaterThan(5);
      const rows = await q<{ idempotency_key: string; id: string }>(`select idempotency_key, id from simulator_requests where idempotency_key = any($1::text[]) order by idempotency_key`, [keys]);
      expect(rows).toHaveLength(keys.length);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(receipts.map((r) => r.requestId)));
    });

    it('a timeout leaves at most one request, and the retry finds it', async () => {
      const network = simulator({ timeoutRate: 0.5 });
      const keys = Array.from({ length: 40 }, (_, i) => newKey(`timeout-${i}`));
      const timedOut: string[] = [];
      for (const key of keys) {
        await network.moveNumber({ idempotencyKey: key, msisdn: '+32470100004' }).catch((err: unknown) => {
          expect(err).toMatchObject({ kind: 'timeout' });
          timedOut.push(key);
        });
      }
      const counts = await Promise.all(timedOut.map(rowsFor));
      expect(counts.every((n) => n <= 1)).toBe(true);
      // both happen: some timed-out calls went through, some did not
      expect(counts).toContain(0);
      expect(counts).toContain(1);
      const earlier = new Map((await q<{ idempotency_key: string; id: string }>(`select idempotency_key, id from simulator_requests where idempotency_key = any($1::text[])`, [timedOut])).map((r) => [r.idempotency_key, r.id]));
      for (const key of timedOut) {
        const { requestId } = await retried(() => network.moveNumber({ idempotencyKey: key, msisdn: '+32470100004' }));
        if (earlier.has(key)) expect(requestId).toBe(earlier.get(key));
        expect(await rowsFor(key)).toBe(1);
      }
    });

    it('a port-in that timed out after reaching the network is not refused as pending on retry', async () => {
      // a seed whose first call times out after taking effect
      const rates = { errorRate: 0, timeoutRate: 0.5 };
      const seed = Array.from({ length: 1000 }, (_, s) => s).find((s) => {
        const fault = decideFault(seededRandom(s), rates);
        return fault.kind === 'timeout' && fault.tookEffect;
      })!;
      const clock = testClock();
      const claire: PortInInput = { idempotencyKey: newKey('port-timeout'), msisdn: '+32495789789', donorOperator: 'base', accountType: 'postpaid', customerNumber: '300455881', holderName: 'Claire Lejeune' };
      await expect(simulator({ ...rates, seed, timeScale: 1, now: clock.now }).submitPortIn(claire)).rejects.toMatchObject({ kind: 'timeout' });
      expect(await rowsFor(claire.idempotencyKey)).toBe(1);
      const network = simulator({ timeScale: 1, now: clock.now });
      const { requestId } = await network.submitPortIn(claire);
      clock.advance(48 * HOUR);
      expect(await network.getRequest(requestId)).toMatchObject({ status: 'done' });
      expect(await rowsFor(claire.idempotencyKey)).toBe(1);
    });

    it('repeats the same faults for the same seed, and says it is a simulator', async () => {
      const lines: string[] = [];
      const log = { info: (_: object, msg: string) => void lines.push(msg), warn: (_: object, msg: string) => void lines.push(msg) };
      const run = async () => {
        const network = simulator({ errorRate: 0.3, timeoutRate: 0.2, seed: 99, log });
        const kinds: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          kinds.push(await network.moveNumber({ idempotencyKey: newKey('replay'), msisdn: '+32470100005' }).then(() => 'ok', (err: GatewayError) => err.kind));
        }
        return kinds;
      };
      const first = await run();
      expect(await run()).toEqual(first);
      expect(new Set(first)).toEqual(new Set(['ok', 'unavailable', 'timeout']));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.startsWith('network simulator:'))).toBe(true);
    });
  });
});
