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
        options: { retryLimit: 0 },
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
});
