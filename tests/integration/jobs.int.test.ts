import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../server/src/jobs/job-runner.js';
import { QUEUES } from '../../server/src/jobs/queues.js';
import { createTestPortal, type TestPortal } from '../support/harness.js';

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe(`durable jobs (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  beforeAll(async () => {
    portal = await createTestPortal();
  });
  afterAll(async () => portal?.close());

  const settled = async (queue: string, id: string) => {
    let job: Awaited<ReturnType<typeof portal.jobs.boss.getJobById>> = null;
    await waitFor(`job ${id} of ${queue} to be settled`, async () => {
      job = await portal.jobs.boss.getJobById(queue, id);
      return !!job && !['created', 'active'].includes(job.state);
    });
    return job!;
  };

  it('fails a job at once on a gateway error the contract calls final, instead of retrying it twenty times', async () => {
    const [service] = await q<{ id: string; company_id: string; msisdn: string }>(`select id, company_id, msisdn from services where status = 'active' and msisdn is not null order by id limit 1`);
    const base = { companyId: service!.company_id, serviceId: service!.id };

    // a request id the network never issued: UnknownRequestError
    const unknown = await portal.jobs.boss.send(QUEUES.network, { ...base, work: 'provision', attempt: 1, requestId: randomUUID() });
    // the same idempotency key for a different request: IdempotencyKeyReusedError
    const first = await portal.jobs.boss.send(QUEUES.serviceRelease, { ...base, msisdn: service!.msisdn, iccid: '8932000000000000001' });
    expect((await settled(QUEUES.serviceRelease, first!)).state).toBe('completed');
    const reused = await portal.jobs.boss.send(QUEUES.serviceRelease, { ...base, msisdn: service!.msisdn, iccid: '8932000000000000002' });

    for (const [queue, id, error] of [
      [QUEUES.network, unknown!, 'UnknownRequestError'],
      [QUEUES.serviceRelease, reused!, 'IdempotencyKeyReusedError'],
    ] as const) {
      const job = await settled(queue, id);
      expect(job.state).toBe('failed');
      expect(job.retryCount).toBe(0);
      expect(job.output).toMatchObject({ name: error });
    }
  });

  it('stopping the job runner waits for a running job, so it never runs on a closed pool', async () => {
    const queue = 'test.slow-job';
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // pg-boss waits at most a second here before it gives up on the running job
    const runner = createJobRunner(portal.database, { error: () => undefined }, { stopWaitMs: 1000 });
    await runner.start([
      {
        queue,
        options: { retryLimit: 0, expireInSeconds: 60 },
        handle: async () => {
          started();
          await gate;
          // the database is still open: this query works
          await portal.database.sql.executeSql('select 1', []);
          order.push('job finished');
        },
      },
    ]);
    const id = await runner.boss.send(queue, {});
    await running;
    const stopping = runner.stop().then(() => order.push('runner stopped'));
    // pg-boss has given up waiting and failed the job; its handler is still running
    await waitFor('pg-boss to give up on the running job', async () => (await runner.boss.getJobById(queue, id!))?.state !== 'active');
    release();
    await stopping;
    expect(order).toEqual(['job finished', 'runner stopped']);
  });

  it('every queue has an expiry fitting its work, and the activation queues hand what fails for good to a dead-letter queue', async () => {
    for (const name of [QUEUES.serviceActivation, QUEUES.network]) {
      const queue = await portal.jobs.boss.getQueue(name);
      expect(queue).toMatchObject({ expireInSeconds: 60, deadLetter: QUEUES.activationFailed });
    }
    const queues = await q<{ name: string; expire_seconds: number | null }>(`select name, expire_seconds from pgboss.queue`);
    for (const queue of queues.filter((q) => !q.name.startsWith('test.') && !q.name.startsWith('__pgboss'))) {
      expect(queue.expire_seconds, queue.name).not.toBeNull();
      expect(queue.expire_seconds, queue.name).toBeLessThanOrEqual(300);
    }
    // the singleton queues stay singleton (pg-boss's updateQueue would otherwise reset the policy)
    expect(await portal.jobs.boss.getQueue(QUEUES.catalogPrices)).toMatchObject({ policy: 'singleton' });
  });

  it('a job whose process died is taken up again once its expiry has passed', async () => {
    const queue = 'test.expiring-job';
    await portal.jobs.boss.createQueue(queue, { name: queue, retryLimit: 2, expireInSeconds: 1 });
    const id = await portal.jobs.boss.send(queue, { n: 1 });
    // a process fetches the job and dies: it stays active, with nobody working on it
    const [taken] = await portal.jobs.boss.fetch(queue);
    expect(taken?.id).toBe(id);
    const seen: number[] = [];
    const runner = createJobRunner(portal.database, { error: () => undefined }, { maintenanceIntervalSeconds: 1 });
    await runner.start([{ queue, options: { retryLimit: 2, expireInSeconds: 1 }, handle: async (_data, attempt) => void seen.push(attempt.retryCount) }]);
    try {
      // maintenance fails it for the timeout (to be retried); the runner's worker takes it up again
      await waitFor('the job to be done again', async () => (await runner.boss.getJobById(queue, id!))?.state === 'completed', 60_000);
      expect(seen).toEqual([1]);
    } finally {
      await runner.stop();
    }
  });

  it('retries back off, but never for longer than the queue allows', async () => {
    const queue = 'test.capped-backoff';
    const runner = createJobRunner(portal.database, { error: () => undefined });
    await runner.start([
      {
        queue,
        options: { retryLimit: 20, retryDelay: 1, retryBackoff: true, retryDelayMax: 2, expireInSeconds: 60 },
        handle: async () => {
          throw new Error('the network is down');
        },
      },
    ]);
    try {
      const id = await runner.boss.send(queue, {});
      // uncapped, the fourth retry would wait 16 to 32 s; capped, at most 2
      await waitFor('four failed tries', async () => ((await runner.boss.getJobById(queue, id!))?.retryCount ?? 0) >= 4, 60_000);
      const [row] = await q<{ retry_delay: number; retry_backoff: boolean; wait: number }>(
        `select retry_delay, retry_backoff, extract(epoch from start_after - now())::float as wait from pgboss.job where name = $1 and id = $2`,
        [queue, id],
      );
      expect(row!.retry_delay).toBeLessThanOrEqual(2);
      expect(row!.wait).toBeLessThanOrEqual(2.5);
    } finally {
      await runner.stop();
    }
  });
});
